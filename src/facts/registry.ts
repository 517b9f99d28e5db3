/**
 * Every calculator a rule pack may name. Adding a calculator is a code change; using one is not.
 * A Map, so a pack naming "toString" or "__proto__" finds no calculator rather than an Object method.
 */
import type { Calculator } from './calculator.js';
import { ageBelowAtEvent, ageBelowOn, caseField, dateWithinYearsBefore, fieldIsOneOf, firstEntryBeforeAge, firstEntryBeforeAgeJudgedFrom, inSchool, listHasItems, primaryCaretakerOfMinorChild, relativeWithStatus } from './person.js';
import { continuousResidenceSince, lastEntryMannerIn, lawfulStatusOn, presentOn, priorRemovalOnOrBefore, recentUnlawfulEntry, reenteredAfterRemoval, yearsSinceFirstEntryAtLeast } from './timeline.js';
import { penaltyAndCustodyRecord } from './record/penalty-and-custody.js';
import { offenseLevelRecord } from './record/offense-levels.js';
import { convictionOfType } from './record/offense-types.js';
import { jurisdictionLabelRecord } from './record/jurisdiction-label.js';
import { unlawfulPresenceBeforeRecentDeparture } from './unlawful-presence.js';
import { unlawfulPresenceThenEntryWithoutAdmission } from './unlawful-presence-reentry.js';
import { prostitutionConduct, unlawfulVotingConduct } from './conduct-grounds.js';
import { inaClassOffenseDuringPeriod, inaCriminalRecord } from './record/ina-grounds.js';
import { confinementDuringPeriod } from './record/confinement.js';
import { inaRecordClause } from './record/ina-record-clause.js';
import { continuousPhysicalPresence } from './physical-presence.js';
import { childVictim, currentSpouseFact, livedWithAbuser, marriageToAbuser } from './family.js';
import { recentVisaOverstay } from './status-history.js';
import { lawInForce } from './law-in-force.js';
import { dateWithinMonthsBefore } from './months-window.js';
import { fieldHasValueOutside } from './values-outside.js';
import { relativeUnderAgeOn } from './relatives-under-age.js';
import { qualifyingRelatives } from './qualifying-relatives.js';
import { entryOfKindOnOrAfter, visaClassPeriodWith } from './entry-and-status-flags.js';

export const CALCULATORS: ReadonlyMap<string, Calculator> = new Map(Object.entries({
  ageBelowOn,
  ageBelowAtEvent,
  dateWithinYearsBefore,
  firstEntryBeforeAge,
  firstEntryBeforeAgeJudgedFrom,
  caseField,
  fieldIsOneOf,
  inSchool,
  listHasItems,
  relativeWithStatus,
  primaryCaretakerOfMinorChild,
  presentOn,
  continuousResidenceSince,
  lawfulStatusOn,
  reenteredAfterRemoval,
  lastEntryMannerIn,
  unlawfulPresenceBeforeRecentDeparture,
  unlawfulPresenceThenEntryWithoutAdmission,
  prostitutionConduct,
  unlawfulVotingConduct,
  priorRemovalOnOrBefore,
  recentUnlawfulEntry,
  yearsSinceFirstEntryAtLeast,
  penaltyAndCustodyRecord,
  offenseLevelRecord,
  convictionOfType,
  jurisdictionLabelRecord,
  inaCriminalRecord,
  inaClassOffenseDuringPeriod,
  inaRecordClause,
  confinementDuringPeriod,
  continuousPhysicalPresence,
  marriageToAbuser,
  livedWithAbuser,
  childVictim,
  currentSpouseFact,
  recentVisaOverstay,
  lawInForce,
  dateWithinMonthsBefore,
  fieldHasValueOutside,
  relativeUnderAgeOn,
  qualifyingRelatives,
  entryOfKindOnOrAfter,
  visaClassPeriodWith,
} as Record<string, Calculator>));

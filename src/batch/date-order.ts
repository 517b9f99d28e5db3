/**
 * How a roster writes its dates: `ymd` (YYYY-MM-DD, the case file's form) or `mdy` (MM/DD/YYYY, as
 * U.S. exports do). A module of its own so that `relief batch --help` lists the choices without
 * loading the roster reader.
 */
export type DateOrder = 'ymd' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'mdy'];

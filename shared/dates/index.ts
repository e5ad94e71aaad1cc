/** Calendar days, reading due-date cells and writing dates for reports. */
export type { Day } from './day';
export {
  addDays,
  dayFromIso,
  dayFromSerial,
  dayFromYmd,
  daysInMonth,
  isValidYmd,
  isoFromDay,
  lastDayOfMonth,
  serialFromDay,
  ymdFromDay,
} from './day';
export type { DateOrder, ParseDateOptions, ParsedDate, Precision } from './parse-date';
export { parseDate } from './parse-date';
export { formatDay, formatParsedDate } from './format-date';

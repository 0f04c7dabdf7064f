/** Public surface of the working-day calendar and the time-limit clock. Import only from here. */
export { calendarCapability } from "./capability";
export {
  type CalendarDay,
  isCalendarDay,
  addDays,
  shanghaiDayOf,
  startOfShanghaiDay,
  endOfShanghaiDay,
  formatShanghai,
  SHANGHAI_OFFSET_MS,
} from "./day";
export {
  type YearArrangement,
  yearArrangementSchema,
  parseYearArrangements,
} from "./arrangements";
export { type WorkCalendar, type CreateCalendarOptions, createCalendar, addHours } from "./calendar";
export {
  type LimitUnit,
  type TimeLimit,
  type PauseInterval,
  type ClockInput,
  type ClockState,
  type CountedDayInput,
  computeClock,
  dayOfCountedDays,
} from "./clock";
export {
  type CalendarSource,
  type CalendarChange,
  type CalendarChangeListener,
  holidayCalendar,
  HOLIDAY_YEARS_CHANNEL,
} from "./holiday-source";
export { addHolidayYear, type AddHolidayYearOptions } from "./add-holiday-year";
export { correctHolidayYear, type CorrectHolidayYearOptions } from "./correct-holiday-year";
export { listHolidayYears } from "./list-holiday-years";
export { type HolidayYearView } from "./presenters";
export { type CalendarWarning, WARN_DAYS_AHEAD, unconfirmedYearWarnings, calendarWarnings } from "./year-warnings";

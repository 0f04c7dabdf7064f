/** Public surface of the working-day calendar and the time-limit clock. Import only from here. */
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
export { addHolidayYear, correctHolidayYear, listHolidayYears, type AddHolidayYearOptions, type CorrectHolidayYearOptions } from "./holiday-years";
export { holidayYearRoutes } from "./http/holiday-year-routes";
export { type CalendarWarning, WARN_DAYS_AHEAD, unconfirmedYearWarnings, calendarWarnings } from "./year-warnings";
export { registerCalendarGauges } from "./year-gauge";

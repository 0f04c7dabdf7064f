/** A made-up 2027 arrangement standing in for what staff would type from the State Council notice. */
export const staff2027 = {
  year: 2027,
  holidays: ["2027-01-01", "2027-01-02", "2027-01-03", ...[1, 2, 3, 4, 5, 6, 7].map((d) => `2027-10-0${d}`)],
  workdays: ["2027-09-26", "2027-10-09"],
  source: "test fixture (not the real notice)",
};

/** A Shanghai wall-clock time as a UTC instant: sh("2025-11-03 10:00"). */
export const sh = (text: string): Date => new Date(`${text.replace(" ", "T")}:00+08:00`);

using System.Globalization;
using System.Text.RegularExpressions;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// Reads dates in German and English words against a <see cref="TimeContext"/>: weekdays with and without a
/// part of day ("am Dienstagabend", "on Tuesday evening"), gestern/heute/morgen, the weekend, "vor rund drei
/// Wochen", "Anfang/Mitte/Ende November", "im August", "letzte Woche", "2. Dezember", "3 December 2025",
/// "December 3, 2025", "2.12.2025" and ISO dates.
/// </summary>
/// <remarks>
/// Past or future: a tense word in the phrase decides (kommenden, nächste, next; letzten, vergangenen, last),
/// else the claim's tense (<see cref="TimeContext.Future"/>), else the recent past: a weekday is the latest such
/// day on or before the publication date, a month without a year the latest such month not after it.
/// </remarks>
internal static partial class TimeText
{
    public const string DateKind = "date";

    private enum Direction
    {
        None,
        Past,
        Current,
        Future,

        /// <summary>The claim speaks of the future: on or after the publication date.</summary>
        Ahead,
    }

    private static readonly string[] Fillers = ["am", "an", "im", "in", "on", "at", "the", "of", "der", "des", "dem", "den", "die", "das",
        "noch", "bereits", "schon", "erst", "zuletzt", "jetzt", "um", "zum", "over", "during", "wahrend", "throughout",

        // "später am Freitag", "later Friday afternoon": later on the day named. "am Freitag (Ortszeit)": the day is
        // a calendar day either way, so the local-time remark changes nothing.
        "spater", "later", "ortszeit", "lokalzeit"];

    private static readonly (string Word, int Month)[] Months =
    [
        ("januar", 1), ("janner", 1), ("january", 1), ("jan", 1), ("februar", 2), ("feber", 2), ("february", 2), ("feb", 2),
        ("marz", 3), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mai", 5), ("may", 5), ("juni", 6), ("june", 6), ("jun", 6),
        ("juli", 7), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10), ("november", 11), ("nov", 11), ("dezember", 12), ("december", 12),
        ("dez", 12), ("dec", 12),
    ];

    private static readonly (string Word, IsoDayOfWeek Day)[] Weekdays =
    [
        ("montag", IsoDayOfWeek.Monday), ("dienstag", IsoDayOfWeek.Tuesday), ("mittwoch", IsoDayOfWeek.Wednesday),
        ("donnerstag", IsoDayOfWeek.Thursday), ("freitag", IsoDayOfWeek.Friday), ("samstag", IsoDayOfWeek.Saturday),
        ("sonnabend", IsoDayOfWeek.Saturday), ("sonntag", IsoDayOfWeek.Sunday),
        ("monday", IsoDayOfWeek.Monday), ("tuesday", IsoDayOfWeek.Tuesday), ("wednesday", IsoDayOfWeek.Wednesday),
        ("thursday", IsoDayOfWeek.Thursday), ("friday", IsoDayOfWeek.Friday), ("saturday", IsoDayOfWeek.Saturday),
        ("sunday", IsoDayOfWeek.Sunday),
    ];

    private static readonly (string Word, PartOfDay Part)[] Parts =
    [
        ("nachmittag", PartOfDay.Afternoon), ("vormittag", PartOfDay.Morning), ("mittag", PartOfDay.Midday), ("abend", PartOfDay.Evening),
        ("nacht", PartOfDay.Night), ("morgen", PartOfDay.Morning), ("fruh", PartOfDay.Morning),
        ("afternoon", PartOfDay.Afternoon), ("morning", PartOfDay.Morning), ("noon", PartOfDay.Midday), ("midday", PartOfDay.Midday),
        ("evening", PartOfDay.Evening), ("night", PartOfDay.Night),
    ];

    private static readonly (string[] Words, int Days, PartOfDay? Part)[] RelativeDays =
    [
        (["day", "before", "yesterday"], -2, null), (["day", "after", "tomorrow"], 2, null), (["vorgestern"], -2, null),
        (["ubermorgen"], 2, null), (["gestern"], -1, null), (["yesterday"], -1, null), (["heute"], 0, null), (["today"], 0, null),
        (["morgen"], 1, null), (["tomorrow"], 1, null), (["tonight"], 0, PartOfDay.Evening), (["last", "night"], -1, PartOfDay.Night),
        (["this", "morning"], 0, PartOfDay.Morning), (["this", "afternoon"], 0, PartOfDay.Afternoon), (["this", "evening"], 0, PartOfDay.Evening),
        (["gestrig"], -1, null), (["heutig"], 0, null), (["morgig"], 1, null),
    ];

    private static readonly (string[] Words, Hedge Hedge)[] DateHedges =
    [
        (["kurz", "vor"], Hedge.LessThan), (["shortly", "before"], Hedge.LessThan), (["vor", "dem"], Hedge.LessThan), (["vor", "der"], Hedge.LessThan),
        (["before"], Hedge.LessThan), (["nach", "dem"], Hedge.MoreThan), (["nach", "der"], Hedge.MoreThan), (["kurz", "nach"], Hedge.MoreThan),
        (["shortly", "after"], Hedge.MoreThan), (["after"], Hedge.MoreThan), (["nach"], Hedge.MoreThan), (["seit"], Hedge.AtLeast), (["since"], Hedge.AtLeast),
        (["ab"], Hedge.AtLeast), (["from"], Hedge.AtLeast), (["fruhestens"], Hedge.AtLeast), (["bis"], Hedge.AtMost), (["until"], Hedge.AtMost),
        (["by"], Hedge.AtMost), (["spatestens"], Hedge.AtMost), (["etwa"], Hedge.About), (["rund"], Hedge.About), (["gegen"], Hedge.About),
        (["ungefahr"], Hedge.About), (["about"], Hedge.About), (["around"], Hedge.About), (["circa"], Hedge.About), (["ca"], Hedge.About),
    ];

    /// <summary>Reads a date in words, or says what could not be read.</summary>
    public static TemporalValue? Read(string text, TimeContext context, Hedge given, out string? problem)
    {
        try
        {
            return ReadChecked(text, context, given, out problem);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // Counting from a publication date at the edge of the calendar ("morgen" on 9999-12-31).
            problem = "the date falls outside the calendar (years 1 to 9999)";
            return null;
        }
    }

    private static TemporalValue? ReadChecked(string text, TimeContext context, Hedge given, out string? problem)
    {
        var tokens = Tokens.Split(text).SelectMany(SplitDash).ToList();
        var hedge = Hedge.Exact;
        var i = 0;
        while (i < tokens.Count && tokens[i] is "noch" or "bereits" or "schon" or "erst" or "zuletzt")
        {
            i++;
        }

        foreach (var (words, candidate) in DateHedges)
        {
            if (Tokens.StartsWith(tokens, i, words))
            {
                hedge = candidate;
                i += words.Length;
                break;
            }
        }

        var rest = tokens.Skip(i).ToList();
        var value = ReadAgo(rest, context, ref hedge, out problem);
        if (value is null && problem is null)
        {
            // "vor Ende November": before, when no count of days, weeks or months follows.
            if (rest.Count > 1 && rest[0] == "vor" && hedge == Hedge.Exact)
            {
                hedge = Hedge.LessThan;
                rest.RemoveAt(0);
            }

            value = ReadPoint(rest, context, out problem);
        }

        if (value is null)
        {
            return null;
        }

        var final = given != Hedge.Exact ? given : hedge;
        return ClaimValue.Stated(WithHedge(value, final), text.Trim());
    }

    /// <summary>"vor (rund) drei Wochen", "three weeks ago", "in zwei Tagen", "vor einigen Tagen".</summary>
    private static TemporalValue? ReadAgo(List<string> tokens, TimeContext context, ref Hedge hedge, out string? problem)
    {
        problem = null;
        int sign;
        int start;
        int end;
        if (tokens.Count >= 2 && tokens[0] == "vor")
        {
            (sign, start, end) = (-1, 1, tokens.Count);
        }
        else if (tokens.Count >= 2 && tokens[^1] == "ago")
        {
            (sign, start, end) = (-1, 0, tokens.Count - 1);
        }
        else if (tokens.Count >= 3 && tokens[0] == "in")
        {
            (sign, start, end) = (1, 1, tokens.Count);
        }
        else
        {
            return null;
        }

        var phrase = tokens.GetRange(start, end - start);
        var used = HedgeWords.TryRead(phrase, 0, HedgeWords.Before, out var spoken);
        if (used > 0)
        {
            // Counting back turns a hedge round: "vor mehr als drei Wochen" is before the day three weeks back,
            // "vor fast drei Wochen" a little after it (read as about, the table has no "just after").
            hedge = sign > 0 ? spoken : spoken switch
            {
                Hedge.MoreThan => Hedge.LessThan,
                Hedge.AtLeast => Hedge.AtMost,
                Hedge.LessThan => Hedge.MoreThan,
                Hedge.AtMost => Hedge.AtLeast,
                Hedge.Almost => Hedge.About,
                _ => spoken,
            };
        }

        var vague = phrase.Count - used == 2 && phrase[used] is "einigen" or "wenigen" or "mehreren" or "few" or "several";
        if (Tokens.StartsWith(phrase, used, ["ein", "paar"]) || Tokens.StartsWith(phrase, used, ["a", "few"]))
        {
            vague = phrase.Count - used == 3;
            used++;
        }

        double count = 1;
        var numberUsed = vague ? 1 : NumberWords.TryRead(phrase, used, context.Language, out count);
        if (numberUsed == 0 && used < phrase.Count && NumberWords.IsArticle(phrase[used]))
        {
            (count, numberUsed) = (1, 1);
        }

        if (numberUsed == 0 || used + numberUsed != phrase.Count - 1)
        {
            return null;
        }

        var unit = phrase[^1];
        var days = unit switch
        {
            "tag" or "tagen" or "tage" or "day" or "days" => 1,
            "woche" or "wochen" or "week" or "weeks" => 7,
            "monat" or "monaten" or "monate" or "month" or "months" => 30,
            "jahr" or "jahren" or "jahre" or "year" or "years" => 365,
            _ => 0,
        };
        if (days == 0 || count != Math.Floor(count) || count * days > 36_600)
        {
            return null;
        }

        if (context.Anchor is not { } anchor)
        {
            problem = "a relative time needs the source's publication date (\"published\")";
            return null;
        }

        if (vague)
        {
            // "vor einigen Tagen": two to six units back.
            return sign < 0
                ? TemporalValue.BetweenDays(anchor.PlusDays(-6 * days), anchor.PlusDays(-2 * days))
                : TemporalValue.BetweenDays(anchor.PlusDays(2 * days), anchor.PlusDays(6 * days));
        }

        var n = (int)count * sign;
        return days switch
        {
            1 => TemporalValue.OnDay(anchor.PlusDays(n)),
            7 => Around(anchor.PlusWeeks(n), 3),
            30 => Around(anchor.PlusMonths(n), 15),
            _ => Around(anchor.PlusYears(n), 182),
        };
    }

    private static TemporalValue Around(LocalDate day, int halfWidth) => TemporalValue.BetweenDays(day.PlusDays(-halfWidth), day.PlusDays(halfWidth));

    private static TemporalValue? ReadPoint(List<string> tokens, TimeContext context, out string? problem)
    {
        problem = null;
        var direction = Direction.None;
        var words = new List<string>();
        foreach (var token in tokens)
        {
            var marker = Marker(token);
            var partFollows = token is "last" or "this" && tokens.Count == 2 && PartWord(tokens[1]) is not null;
            if (marker != Direction.None && !partFollows)
            {
                direction = marker;
            }
            else
            {
                words.Add(token);
            }
        }

        // A time of day: "um 17 Uhr", "17:30", "at 5 pm".
        LocalTime? time = null;
        for (var k = 0; k < words.Count; k++)
        {
            if (ReadTime(words, k, out var found, out var used))
            {
                time = found;
                words.RemoveRange(k, used);
                if (k > 0 && words[k - 1] is "um" or "at" or "gegen")
                {
                    words.RemoveAt(k - 1);
                }

                break;
            }
        }

        // Relative days first, so that "morgen" alone is tomorrow and "heute morgen" this morning.
        LocalDate? day = null;
        PartOfDay? part = null;
        foreach (var (phrase, offset, phrasePart) in RelativeDays)
        {
            var at = IndexOf(words, phrase);
            if (at < 0 || (phrase is ["morgen"] && at > 0 && Weekdays.Any(w => words[at - 1] == w.Word)))
            {
                // "Dienstag Morgen" is Tuesday morning, not tomorrow.
                continue;
            }

            if (context.Anchor is not { } anchor)
            {
                problem = "a relative time needs the source's publication date (\"published\")";
                return null;
            }

            day = anchor.PlusDays(offset);
            part = phrasePart;
            words.RemoveRange(at, phrase.Length);
            break;
        }

        // Parts of day, alone or glued to a weekday ("Dienstagabend", "Tuesday evening", "abends").
        var weekday = (IsoDayOfWeek?)null;
        for (var k = words.Count - 1; k >= 0; k--)
        {
            var word = words[k];
            foreach (var (name, dayOfWeek) in Weekdays)
            {
                if (!word.StartsWith(name, StringComparison.Ordinal))
                {
                    continue;
                }

                var tail = word[name.Length..];
                if (tail.Length == 0 || tail == "s" || PartWord(tail) is not null)
                {
                    weekday = dayOfWeek;
                    part = PartWord(tail) ?? part;
                    words.RemoveAt(k);
                    break;
                }
            }

            if (k < words.Count && words[k] == word && PartWord(word) is { } standalone)
            {
                part = standalone;
                words.RemoveAt(k);
            }
        }

        words.RemoveAll(w => Fillers.Contains(w));

        // "im Jahr 2025", "in the year 2025".
        var yearWord = words.FindIndex(w => w is "jahr" or "year");
        if (yearWord >= 0 && yearWord + 1 < words.Count && Year(words[yearWord + 1]) is not null)
        {
            words.RemoveAt(yearWord);
        }
        if (day is null && weekday is null && words.Count == 0 && (part is not null || time is not null))
        {
            problem = "a part of day or a time needs a day (\"am Dienstagabend\", \"yesterday at 5 pm\")";
            return null;
        }

        TemporalValue? calendar = null;
        if (words.Count > 0)
        {
            calendar = ReadCalendar(words, direction, context, out problem);
            if (calendar is null)
            {
                return null;
            }
        }

        if (weekday is { } wd)
        {
            if (calendar is not null)
            {
                if (calendar.Granularity != TemporalGranularity.Day || calendar.Start.DayOfWeek != wd)
                {
                    problem = $"the weekday does not fit {calendar.ToIsoString()}";
                    return null;
                }

                day = calendar.Start;
            }
            else if (context.Anchor is not { } anchor)
            {
                problem = "a weekday needs the source's publication date (\"published\")";
                return null;
            }
            else
            {
                day = WeekdayNear(anchor, wd, Resolve(direction, context));
            }
        }
        else if (calendar is not null && day is null)
        {
            day = calendar.Granularity == TemporalGranularity.Day ? calendar.Start : null;
            if (day is null)
            {
                if (part is not null || time is not null)
                {
                    problem = "a part of day or a time goes with a single day";
                    return null;
                }

                return calendar;
            }
        }

        if (day is not { } date)
        {
            problem = "no date was found";
            return null;
        }

        if (time is { } t)
        {
            return TemporalValue.AtInstant(context.Zone.AtLeniently(date.At(t)).ToInstant());
        }

        return part is { } p ? TemporalValue.OnPartOfDay(date, p) : TemporalValue.OnDay(date);
    }

    /// <summary>Weeks, weekends, months, years and calendar dates.</summary>
    private static TemporalValue? ReadCalendar(List<string> words, Direction direction, TimeContext context, out string? problem)
    {
        problem = null;
        var anchor = context.Anchor;
        if (words.Count == 1 && ClaimSetReader.ParseDate(words[0], Hedge.Exact) is { } iso)
        {
            return iso;
        }

        if (words.Count == 1 && GermanNumericDate().Match(words[0]) is { Success: true } numeric)
        {
            var d = int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture);
            int? y = numeric.Groups[3].Success ? int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture) : null;
            if (y is < 100)
            {
                y += 2000;
            }

            return DayOfMonth(d, m, y, direction, context, out problem);
        }

        var single = words.Count == 1 ? words[0] : null;
        if (single is "wochenende" or "wochenendes" or "weekend")
        {
            if (anchor is not { } a)
            {
                problem = "a relative time needs the source's publication date (\"published\")";
                return null;
            }

            var saturday = Resolve(direction, context) switch
            {
                Direction.Future => a.Next(IsoDayOfWeek.Saturday),
                Direction.Ahead or Direction.Current => WeekdayNear(a.PlusDays(-1), IsoDayOfWeek.Saturday, Direction.Ahead),
                Direction.Past => a.Previous(IsoDayOfWeek.Sunday).PlusDays(-1),
                _ => WeekdayNear(a, IsoDayOfWeek.Saturday, Direction.None),
            };
            return TemporalValue.BetweenDays(saturday, saturday.PlusDays(1));
        }

        if (single is "woche" or "week" or "monat" or "monats" or "month" or "jahr" or "jahres" or "year")
        {
            if (anchor is not { } a)
            {
                problem = "a relative time needs the source's publication date (\"published\")";
                return null;
            }

            var step = direction switch { Direction.Past => -1, Direction.Future => 1, _ => 0 };
            if (single is "woche" or "week")
            {
                var monday = a.PlusDays(-((int)a.DayOfWeek - 1)).PlusWeeks(step);
                return TemporalValue.BetweenDays(monday, monday.PlusDays(6));
            }

            return single is "monat" or "monats" or "month"
                ? TemporalValue.InMonth(a.ToYearMonth().OnDayOfMonth(1).PlusMonths(step).ToYearMonth())
                : TemporalValue.InYear(a.Year + step);
        }

        // "Anfang der Woche", "Ende des Monats", "Mitte nächsten Jahres", "Ende 2025".
        if (words.Count == 2 && ThirdWord(words[0]) is { } part
            && (words[1] is "woche" or "week" or "monat" or "monats" or "month" or "jahr" or "jahres" or "year" || Year(words[1]) is not null))
        {
            var whole = ReadCalendar([words[1]], direction, context, out problem);
            return whole is null ? null : ThirdOf(whole, part);
        }

        // Month phrases: [Anfang|Mitte|Ende] Monat [Jahr]; Tag Monat [Jahr]; Monat Tag [Jahr]; Monat [Jahr]; Jahr.
        var k = 0;
        (int From, int To)? third = null;
        if (words[0] is "anfang" or "beginn" or "early" or "beginning" or "start")
        {
            third = (1, 10);
            k++;
        }
        else if (words[0] is "mitte" or "mid" or "middle")
        {
            third = (11, 20);
            k++;
        }
        else if (words[0] is "ende" or "late" or "end")
        {
            third = (21, 31);
            k++;
        }

        int? dayOfMonth = null;
        if (k < words.Count && third is null && (NumberWords.TryOrdinal(words[k], out var ordinal) || int.TryParse(words[k], NumberStyles.None, CultureInfo.InvariantCulture, out ordinal)) && ordinal is >= 1 and <= 31)
        {
            dayOfMonth = ordinal;
            k++;
        }

        var month = k < words.Count ? MonthWord(words[k]) : null;
        if (month is null)
        {
            if (words.Count == 1 && Year(words[0]) is { } onlyYear)
            {
                return TemporalValue.InYear(onlyYear);
            }

            problem = $"\"{string.Join(' ', words)}\" is not a weekday, month, relative day or calendar date";
            return null;
        }

        k++;
        if (dayOfMonth is null && third is null && k < words.Count
            && (NumberWords.TryOrdinal(words[k], out var after) || int.TryParse(words[k], NumberStyles.None, CultureInfo.InvariantCulture, out after)) && after is >= 1 and <= 31)
        {
            dayOfMonth = after;
            k++;
        }

        int? year = null;
        if (k < words.Count && Year(words[k]) is { } y2)
        {
            year = y2;
            k++;
        }

        if (k != words.Count)
        {
            problem = $"\"{string.Join(' ', words.Skip(k))}\" does not belong to a date";
            return null;
        }

        if (dayOfMonth is { } dom)
        {
            return DayOfMonth(dom, month.Value, year, direction, context, out problem);
        }

        YearMonth ym;
        if (year is { } fixedYear)
        {
            ym = new YearMonth(fixedYear, month.Value);
        }
        else if (anchor is not { } a)
        {
            problem = "a month without a year needs the source's publication date (\"published\")";
            return null;
        }
        else
        {
            var here = a.ToYearMonth();
            var sameYear = new YearMonth(a.Year, month.Value);
            ym = Resolve(direction, context) switch
            {
                Direction.Future => sameYear > here ? sameYear : new YearMonth(a.Year + 1, month.Value),
                Direction.Ahead => sameYear >= here ? sameYear : new YearMonth(a.Year + 1, month.Value),
                Direction.Past => sameYear < here ? sameYear : new YearMonth(a.Year - 1, month.Value),
                _ => sameYear <= here ? sameYear : new YearMonth(a.Year - 1, month.Value),
            };
        }

        if (third is { } range)
        {
            var last = ym.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1).Day;
            return TemporalValue.BetweenDays(ym.OnDayOfMonth(range.From), ym.OnDayOfMonth(Math.Min(range.To, last)));
        }

        return TemporalValue.InMonth(ym);
    }

    private static int? ThirdWord(string word) => word switch
    {
        "anfang" or "beginn" or "early" or "beginning" or "start" => 0,
        "mitte" or "mid" or "middle" => 1,
        "ende" or "late" or "end" => 2,
        _ => null,
    };

    /// <summary>The early, middle or late part of a year (four months each), a month (days 1–10, 11–20, 21 on) or a week (Mon–Tue, Wed–Thu, Fri–Sun).</summary>
    private static TemporalValue ThirdOf(TemporalValue whole, int part)
    {
        var start = whole.Start;
        return whole.Granularity switch
        {
            TemporalGranularity.Year => TemporalValue.BetweenDays(start.PlusMonths(4 * part), start.PlusMonths(4 * (part + 1)).PlusDays(-1)),
            TemporalGranularity.Month => TemporalValue.BetweenDays(start.PlusDays(10 * part), part == 2 ? whole.End : start.PlusDays((10 * part) + 9)),
            _ => part switch
            {
                0 => TemporalValue.BetweenDays(start, start.PlusDays(1)),
                1 => TemporalValue.BetweenDays(start.PlusDays(2), start.PlusDays(3)),
                _ => TemporalValue.BetweenDays(start.PlusDays(4), whole.End),
            },
        };
    }

    private static TemporalValue? DayOfMonth(int day, int month, int? year, Direction direction, TimeContext context, out string? problem)
    {
        problem = null;
        if (month is < 1 or > 12 || day < 1)
        {
            problem = $"{day}.{month}. is not a date";
            return null;
        }

        if (year is { } y)
        {
            if (day > CalendarSystem.Iso.GetDaysInMonth(y, month))
            {
                problem = $"{y}-{month:D2} has no day {day}";
                return null;
            }

            return TemporalValue.OnDay(new LocalDate(y, month, day));
        }

        if (context.Anchor is not { } anchor)
        {
            problem = "a date without a year needs the source's publication date (\"published\")";
            return null;
        }

        var future = Resolve(direction, context) is Direction.Future or Direction.Ahead;
        for (var offset = 0; offset <= 8; offset++)
        {
            // Nearest year in the chosen direction in which the day exists (29 February needs a leap year).
            var candidateYear = anchor.Year + (future ? offset : -offset);
            if (day > CalendarSystem.Iso.GetDaysInMonth(candidateYear, month))
            {
                continue;
            }

            var candidate = new LocalDate(candidateYear, month, day);
            if (future ? candidate >= anchor : candidate <= anchor)
            {
                return TemporalValue.OnDay(candidate);
            }
        }

        problem = $"{day}.{month}. is not a date";
        return null;
    }

    /// <summary>The weekday nearest the anchor: on or before it by default, strictly before for "last", strictly after for "next".</summary>
    private static LocalDate WeekdayNear(LocalDate anchor, IsoDayOfWeek day, Direction direction) => direction switch
    {
        Direction.Past => anchor.Previous(day),
        Direction.Future => anchor.Next(day),
        Direction.Current or Direction.Ahead => anchor.DayOfWeek == day ? anchor : anchor.Next(day),
        _ => anchor.DayOfWeek == day ? anchor : anchor.Previous(day),
    };

    /// <summary>The direction the phrase states, else the claim's tense: ahead when the claim speaks of the future.</summary>
    private static Direction Resolve(Direction stated, TimeContext context) =>
        stated == Direction.None && context.Future ? Direction.Ahead : stated;

    private static Direction Marker(string token)
    {
        foreach (var stem in Tokens.Stems(token))
        {
            switch (stem)
            {
                case "kommend" or "nachst" or "next" or "coming" or "upcoming" or "bevorstehend" or "folgend":
                    return Direction.Future;
                case "letzt" or "vergangen" or "vorig" or "last" or "past" or "previous":
                    return Direction.Past;
                case "dies" or "this" or "laufend" or "current":
                    return Direction.Current;
            }
        }

        return Direction.None;
    }

    private static bool ReadTime(List<string> words, int k, out LocalTime time, out int used)
    {
        time = default;
        used = 0;
        var word = words[k];
        var clock = ClockTime().Match(word);
        var next = k + 1 < words.Count ? words[k + 1] : null;
        int hour, minute = 0;
        if (clock.Success)
        {
            hour = int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture);
            used = next is "uhr" or "am" or "pm" or "a.m" or "p.m" or "h" ? 2 : 1;
            if (!clock.Groups[3].Success && used == 1 && !word.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && next is "uhr" or "am" or "pm" or "a.m" or "p.m")
        {
            used = 2;
        }
        else
        {
            return false;
        }

        if (next is "pm" or "p.m" && hour is >= 1 and < 12)
        {
            hour += 12;
        }
        else if (next is "am" or "a.m" && hour == 12)
        {
            hour = 0;
        }

        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute);
        return true;
    }

    private static TemporalValue WithHedge(TemporalValue value, Hedge hedge) => value.Granularity switch
    {
        _ when hedge == value.Hedge => value,
        TemporalGranularity.Year => TemporalValue.InYear(value.Start.Year, hedge),
        TemporalGranularity.Month => TemporalValue.InMonth(value.Start.ToYearMonth(), hedge),
        TemporalGranularity.Day or TemporalGranularity.Days => TemporalValue.BetweenDays(value.Start, value.End, hedge),
        TemporalGranularity.PartOfDay => TemporalValue.OnPartOfDay(value.Start, value.PartOfDay!.Value, hedge),
        _ => TemporalValue.AtInstant(value.Instant!.Value, hedge),
    };

    private static PartOfDay? PartWord(string word)
    {
        foreach (var (name, part) in Parts)
        {
            if (word == name || word == name + "s")
            {
                return part;
            }
        }

        return null;
    }

    private static int? MonthWord(string word)
    {
        foreach (var (name, month) in Months)
        {
            if (word == name)
            {
                return month;
            }
        }

        return null;
    }

    private static int? Year(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2999 ? year : null;

    private static int IndexOf(List<string> words, string[] phrase)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (Tokens.StartsWith(words, k, phrase) || (phrase.Length == 1 && phrase[0].EndsWith('g') && Tokens.Stems(words[k]).Contains(phrase[0])))
            {
                return k;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitDash(string token) =>
        token.StartsWith("mid-", StringComparison.Ordinal) || token.StartsWith("early-", StringComparison.Ordinal) || token.StartsWith("late-", StringComparison.Ordinal)
            ? token.Split('-', 2)
            : [token];

    [GeneratedRegex("^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{2}|[0-9]{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanNumericDate();

    [GeneratedRegex("^([0-9]{1,2})[:.]([0-9]{2})(h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();
}

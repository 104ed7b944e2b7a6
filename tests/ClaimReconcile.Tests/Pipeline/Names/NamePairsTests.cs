using System.Globalization;
using System.Text.RegularExpressions;
using ClaimReconcile.Pipeline.Names;

namespace ClaimReconcile.Tests.Pipeline.Names;

/// <summary>
/// The evaluation table of docs/entity-resolution.md: pairs of person names in German, English, Ukrainian and Russian
/// spellings (Latin and Cyrillic), each marked whether the two name one person. Hard negatives are pairs a careless
/// matcher would merge: one first name for two people, similar surnames of different people, a first name that
/// looks like another's surname.
/// </summary>
public sealed class NamePairsTests(ITestOutputHelper output)
{
    /// <summary>(first name as written, second name as written, whether they are one person, what the pair tests).</summary>
    private static readonly (string A, string B, bool Same, string Note)[] Table =
    [
        // Same person: spellings across languages and scripts.
        ("Dmitrijew", "Dmitriev", true, "de/en -ijew/-iev"),
        ("Dimitrijew", "Dmitriev", true, "de variant with an extra vowel"),
        ("Dimitrijew", "Dmitrijew", true, "de/de"),
        ("Kirill Dmitrijew", "Kirill Dmitriev", true, "de/en full name"),
        ("Kirill Dmitriev", "Кирилл Дмитриев", true, "en/ru Cyrillic"),
        ("Dmitrijew", "Дмитриев", true, "de/ru surname"),
        ("Dmitriev", "Dmitriyev", true, "en/en -iev/-iyev"),
        ("Umerow", "Umerov", true, "de/en -ow/-ov"),
        ("Rustem Umerow", "Umerow", true, "full name / surname"),
        ("Rustem Umerov", "Рустем Умєров", true, "en/uk Cyrillic"),
        ("R. Umerow", "Rustem Umerov", true, "initial / full name"),
        ("Uschakow", "Ushakov", true, "de/en sch/sh"),
        ("Juri Uschakow", "Yuri Ushakov", true, "de/en full name"),
        ("Yury Ushakov", "Юрий Ушаков", true, "en/ru Cyrillic"),
        ("Uschakow", "Ушаков", true, "de/ru surname"),
        ("Selenskyj", "Zelensky", true, "de/en s/z, -yj/-y"),
        ("Selenskyj", "Zelenskyy", true, "de/en -yj/-yy"),
        ("Zelensky", "Зеленський", true, "en/uk Cyrillic"),
        ("Selenskyj", "Зеленский", true, "de/ru Cyrillic"),
        ("Wolodymyr Selenskyj", "Volodymyr Zelensky", true, "de/en full name"),
        ("Volodymyr Zelenskyy", "Володимир Зеленський", true, "en/uk full name"),
        ("Zelenskyi", "Selenski", true, "en/de -yi/-i"),
        ("Witkoff", "Wittkoff", true, "doubled consonant"),
        ("Steve Witkoff", "Wittkoff", true, "full name / misspelt surname"),
        ("Witkoff", "Уиткофф", true, "en/ru English name in Cyrillic"),
        ("Jared Kushner", "Джаред Кушнер", true, "en/ru English name in Cyrillic"),
        ("Peskow", "Peskov", true, "de/en"),
        ("Dmitri Peskow", "Dmitry Peskov", true, "de/en full name"),
        ("Dmitrij Peskow", "Дмитрий Песков", true, "de/ru Cyrillic"),
        ("Lawrow", "Lavrov", true, "de/en w/v"),
        ("Sergej Lawrow", "Sergey Lavrov", true, "de/en full name"),
        ("Sergei Lavrov", "Сергей Лавров", true, "en/ru Cyrillic"),
        ("Schoigu", "Shoigu", true, "de/en sch/sh"),
        ("Sergej Schoigu", "Sergei Shoigu", true, "de/en full name"),
        ("Gorbatschow", "Gorbachev", true, "de/en tsch/ch, -ow/-ev (ё)"),
        ("Michail Gorbatschow", "Mikhail Gorbachev", true, "de/en ch/kh"),
        ("Chruschtschow", "Khrushchev", true, "de/en schtsch/shch"),
        ("Jelzin", "Yeltsin", true, "de/en z/ts, j/y"),
        ("Boris Jelzin", "Борис Ельцин", true, "de/ru initial е"),
        ("Medwedew", "Medvedev", true, "de/en w/v, -ew/-ev"),
        ("Medwedjew", "Medvedev", true, "de variant -jew"),
        ("Nawalny", "Navalny", true, "de/en"),
        ("Alexej Nawalny", "Alexei Navalny", true, "de/en full name"),
        ("Nawalnyj", "Навальный", true, "de/ru -yj/-ый"),
        ("Sacharowa", "Zakharova", true, "de/en s/z, ch/kh, feminine"),
        ("Maria Sacharowa", "Мария Захарова", true, "de/ru full name"),
        ("Prigoschin", "Prigozhin", true, "de/en sch/zh"),
        ("Jewgeni Prigoschin", "Yevgeny Prigozhin", true, "de/en je/ye"),
        ("Tymoschenko", "Tymoshenko", true, "de/en"),
        ("Julija Tymoschenko", "Yulia Tymoshenko", true, "de/en ju/yu, -ija/-ia"),
        ("Poroschenko", "Poroshenko", true, "de/en"),
        ("Janukowytsch", "Yanukovych", true, "de/en tsch/ch"),
        ("Klitschko", "Klychko", true, "de/uk-Latin"),
        ("Vitali Klitschko", "Віталій Кличко", true, "de/uk Cyrillic"),
        ("Jermak", "Yermak", true, "de/en j/y"),
        ("Andrij Jermak", "Andriy Yermak", true, "de/en full name"),
        ("Hnatow", "Hnatov", true, "de/en"),
        ("Andrij Hnatow", "Андрій Гнатов", true, "de/uk Cyrillic"),
        ("Hnatow", "Гнатов", true, "de/ru г read as g"),
        ("Saluschnyj", "Zaluzhnyi", true, "de/en sch/zh, -yj/-yi"),
        ("Syrskyj", "Syrskyi", true, "de/en"),
        ("Kyrylo Budanow", "Kyrylo Budanov", true, "de/en full name"),
        ("Schmyhal", "Shmyhal", true, "de/en"),
        ("Sybiha", "Сибіга", true, "de/uk Cyrillic г = h"),
        ("Podoljak", "Podolyak", true, "de/en j/y"),
        ("Putin", "Путин", true, "en/ru"),
        ("Wladimir Putin", "Vladimir Putin", true, "de/en w/v"),
        ("W. Putin", "Vladimir Putin", true, "de initial / en full name"),
        ("Kadyrow", "Kadyrov", true, "de/en"),
        ("Gerassimow", "Gerasimov", true, "de/en ss/s"),
        ("Patruschew", "Patrushev", true, "de/en"),
        ("Naryschkin", "Naryshkin", true, "de/en"),
        ("Rjabkow", "Ryabkov", true, "de/en ja/ya"),
        ("Nebensja", "Nebenzya", true, "de/en s/z"),
        ("Matwijenko", "Matviyenko", true, "de/en -ije-/-iye-"),
        ("Mischustin", "Mishustin", true, "de/en"),
        ("Wolodin", "Volodin", true, "de/en"),
        ("Tschaikowski", "Tchaikovsky", true, "de/en tsch/tch, -i/-y"),
        ("Chodorkowski", "Khodorkovsky", true, "de/en ch/kh"),
        ("Kusnezow", "Kuznetsov", true, "de/en s/z, z/ts"),
        ("Solschenizyn", "Solzhenitsyn", true, "de/en sch/zh, z/ts"),
        ("Dschugaschwili", "Джугашвили", true, "de/ru dsch/дж"),
        ("Dmytro Kuleba", "Дмитро Кулеба", true, "en/uk Cyrillic"),
        ("Kushner", "Kuschner", true, "en/de sh/sch"),
        ("Knuth, Donald E.", "Donald E. Knuth", true, "surname first with comma"),
        ("Präsident Selenskyj", "Volodymyr Zelensky", true, "title dropped"),
        ("Steve Witkoff", "Стів Віткофф", true, "en/uk English given name in Cyrillic"),
        ("Dan Driscoll", "Ден Дрісколл", true, "en/uk English given name in Cyrillic"),

        // Different people: hard negatives.
        ("Dmitri Peskow", "Kirill Dmitrijew", false, "first name of one is like the surname of the other"),
        ("Dmitri", "Dmitrijew", false, "first name alone vs surname"),
        ("Witkoff", "Uschakow", false, "both -ow/-off surnames"),
        ("Уиткофф", "Ушаков", false, "both -ов/-офф surnames in Cyrillic (ru)"),
        ("Peskow", "Petrow", false, "similar surnames"),
        ("Lawrow", "Lwow", false, "similar surnames"),
        ("Dmitri Peskow", "Dmitri Medwedew", false, "same first name"),
        ("Vitali Klitschko", "Wladimir Klitschko", false, "same surname, different first names (brothers)"),
        ("Kirill Dmitriev", "Dmitry Peskov", false, "both Kremlin figures"),
        ("Iwanow", "Iwanowa", false, "man and woman"),
        ("Sergej Lawrow", "Sergej Schoigu", false, "same first name"),
        ("Andrij Jermak", "Andrij Hnatow", false, "same first name"),
        ("Umerow", "Umarow", false, "one vowel apart"),
        ("Putin", "Puschkin", false, "shared beginning"),
        ("Witkoff", "Wolkow", false, "shared outline"),
        ("Uschakow", "Ushakova", false, "man and woman"),
        ("Dmitriev", "Dmitrov", false, "one syllable apart"),
        ("Medwedew", "Medwedtschuk", false, "shared beginning"),
        ("Selenskyj", "Selenez", false, "shared beginning"),
        ("Jermak", "Jermakow", false, "suffixed surname"),
        ("Kushner", "Kirchner", false, "similar outline"),
        ("Sergei Lavrov", "Sergei Ryabkov", false, "same first name"),
        ("Juri Uschakow", "Juri Andropow", false, "same first name"),
        ("Юрий Ушаков", "Юрий Андропов", false, "same first name in Cyrillic"),
        ("Зеленський", "Зеленин", false, "shared beginning in Cyrillic"),
        ("Wladimir Putin", "Wladimir Klitschko", false, "same first name"),
        ("Dmitri Medwedew", "Dmitri Peskow", false, "same first name"),
        ("Maria Sacharowa", "Maria Lwowa-Belowa", false, "same first name"),
        ("Wolodymyr Selenskyj", "Olena Selenska", false, "spouses"),
        ("Rustem Umerow", "Rustam Minnikhanov", false, "similar first name"),
        ("Steve Witkoff", "Steve Bannon", false, "same first name"),
        ("Kirill Dmitrijew", "Kyrylo Budanow", false, "same first name in two languages"),
        ("Timoschenko", "Timtschenko", false, "similar surnames"),
        ("Michail Gorbatschow", "Raissa Gorbatschowa", false, "spouses"),
        ("Alexej Nawalny", "Julija Nawalnaja", false, "spouses"),
        ("W. Putin", "Wiktor Orban", false, "initial fits, surname does not"),
        ("Rustem Umerow", "A. Umerow", false, "initial does not fit"),
        ("Steve Witkoff", "Стен Віткофф", false, "en/uk other consonants in the given name"),
        ("Anna Petrova", "Інна Петрова", false, "en/uk other first letter"),
    ];

    public static TheoryData<string, string, bool, string> Pairs => new(Table);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Same_Pair_MatchesTable(string a, string b, bool same, string note)
    {
        var left = PersonName.TryParse(a);
        var right = PersonName.TryParse(b);

        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.True(NameMatcher.Same(left, right) == same, $"{a} [{left}] vs {b} [{right}] should {(same ? "" : "not ")}match ({note})");
        Assert.Equal(NameMatcher.Same(left, right), NameMatcher.Same(right, left));
    }

    [Fact]
    public void Table_PrecisionAndRecall_MeetTheBar()
    {
        var rows = Table;
        var (tp, fp, fn, tn) = (0, 0, 0, 0);
        foreach (var (a, b, same, _) in rows)
        {
            var predicted = PersonName.TryParse(a) is { } x && PersonName.TryParse(b) is { } y && NameMatcher.Same(x, y);
            (tp, fp, fn, tn) = (predicted, same) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        var languages = new[] { "de", "en", "uk", "ru" };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Length} pairs: {tp} of {tp + fn} matches found, {fp} of {fp + tn} non-matches merged; precision {precision:0.000}, recall {recall:0.000}"));

        Assert.True(rows.Length >= 80, $"only {rows.Length} pairs");
        Assert.True(rows.Count(r => r.Same) >= 40 && rows.Count(r => !r.Same) >= 30, "too few positives or negatives");
        Assert.True(rows.Count(r => NameSkeleton.HasCyrillic(r.A + r.B)) >= 15, "too few Cyrillic pairs");
        Assert.All(languages, l => Assert.True(rows.Count(r => Regex.IsMatch(r.Note, $@"\b{l}\b")) >= 3, $"too few pairs in {l}"));
        Assert.True(precision == 1.0, string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000} (false positives: {fp})"));
        Assert.True(recall >= 0.95, string.Create(CultureInfo.InvariantCulture, $"recall {recall:0.000} ({fn} of {tp + fn} missed)"));
    }
}

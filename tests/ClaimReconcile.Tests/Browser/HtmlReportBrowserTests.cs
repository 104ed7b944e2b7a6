using System.Net;
using System.Text.RegularExpressions;
using ClaimReconcile.Rendering;
using ClaimReconcile.Tests.Rendering;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Browser;

/// <summary>The worked example's HTML report as a reader sees it in a real browser (headless Chromium).</summary>
public sealed partial class HtmlReportBrowserTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("browser-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WorkedExample_InChromium_ShowsTheConflictAndEveryGroup()
    {
        var browser = HeadlessChromium.Require();
        var report = WorkedExample.Report;
        var page = Write("report.html", HtmlReport.Render(report));

        var text = VisibleText(HeadlessChromium.DumpDom(browser, page));

        Assert.Contains("Conflicts (1)", text, StringComparison.Ordinal);
        Assert.Contains("conflict Donald Trump trump · role", text, StringComparison.Ordinal);
        Assert.Matches(@"contradicted bild-8 “Ex-Präsident” Schwiegersohn von Ex-Präsident Donald Trump Bild — 0\.\d\d", text);
        Assert.True(text.IndexOf("Conflicts (1)", StringComparison.Ordinal) < text.IndexOf("Agreements (", StringComparison.Ordinal));
        foreach (var group in report.Groups)
        {
            var heading = $"{ReportWords.VerdictName(group.Verdict)} {group.SubjectLabel ?? group.Subject} {group.Subject} · {group.Property}";
            Assert.Contains(heading, text, StringComparison.Ordinal);
            Assert.Contains(group.Explanation, text, StringComparison.Ordinal);
            Assert.All(group.Claims, c => Assert.Contains($" {c.Id} ", text, StringComparison.Ordinal));
        }

        Assert.All(report.Sources, s => Assert.Contains($"{s.Id} {s.Reliability:0.00}", text, StringComparison.Ordinal));
    }

    [Fact]
    public void ScriptInAQuote_InChromium_StaysText()
    {
        var browser = HeadlessChromium.Require();
        var set = ClaimSet.CreateBuilder()
            .AddSource("a").AddSource("b")
            .AddClaim("a", "talks", "duration", ClaimValue.Duration(Duration.FromHours(5)),
                quote: "<script>document.body.setAttribute('data-pwned', 'yes')</script><img src=x onerror=\"document.title='pwned'\">")
            .AddClaim("b", "talks", "duration", ClaimValue.Duration(Duration.FromHours(2)))
            .Build();
        var page = Write("hostile.html", HtmlReport.Render(new Reconciler(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0))).Reconcile(set)));

        var dom = HeadlessChromium.DumpDom(browser, page);

        Assert.DoesNotContain("data-pwned=\"yes\"", dom, StringComparison.Ordinal);
        Assert.Matches("<body>", dom);
        Assert.Contains("<title>ClaimReconcile report</title>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;document.body.setAttribute('data-pwned', 'yes')&lt;/script&gt;", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkedExample_Screenshots_AtDesktopAndPhoneWidth()
    {
        var browser = HeadlessChromium.Require();
        var page = Write("report.html", HtmlReport.Render(WorkedExample.Report));

        foreach (var (name, width, height) in new[] { ("desktop", 1280, 1600), ("phone", 390, 844) })
        {
            var png = Path.Combine(_directory, $"{name}.png");
            HeadlessChromium.Screenshot(browser, page, png, width, height);

            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(width, ReadBigEndian(bytes, 16));
            Assert.Equal(height, ReadBigEndian(bytes, 20));
            Assert.True(bytes.Length > 20_000, $"the {name} screenshot is {bytes.Length} bytes: is the page blank?");
        }
    }

    private string Write(string name, string html)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, html);
        return path;
    }

    /// <summary>The text of the body as a reader would read it: no style, no tags, entities decoded, white space collapsed.</summary>
    private static string VisibleText(string dom)
    {
        var body = dom[dom.IndexOf("<body", StringComparison.Ordinal)..];
        var text = Tags().Replace(StyleOrScript().Replace(body, " "), " ");
        return Space().Replace(WebUtility.HtmlDecode(text), " ");
    }

    private static int ReadBigEndian(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    [GeneratedRegex("<(style|script)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}

using System.Globalization;
using System.Text;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests.Rendering;

/// <summary>
/// The <c>Write</c> methods of the text, Markdown and HTML renderers pass a large report on a part at a time; what
/// they write must be exactly what <c>Render</c> returns, across every part boundary.
/// </summary>
public sealed class ReportWriteTests
{
    // 4,000 claims in 800 groups, with some conflicts, issues and quotes: several 64 KiB parts in every format.
    private static readonly ReconciliationReport Large = new Reconciler(clock: WorkedExample.Clock).Reconcile(ClaimSetJson.Read(LargeClaimSet()));

    [Fact]
    public void TextReportWrite_LargeReport_SameAsRender() => AssertWritten(TextReport.Render(Large), w => TextReport.Write(Large, w), parts: 3);

    [Fact]
    public void MarkdownReportWrite_LargeReport_SameAsRender() => AssertWritten(MarkdownReport.Render(Large), w => MarkdownReport.Write(Large, w), parts: 3);

    [Fact]
    public void HtmlReportWrite_LargeReport_SameAsRender() => AssertWritten(HtmlReport.Render(Large, "Large <report>"), w => HtmlReport.Write(Large, w, "Large <report>"), parts: 3);

    [Fact]
    public void Write_WorkedExample_SameAsRender()
    {
        var report = WorkedExample.Report;
        AssertWritten(TextReport.Render(report), w => TextReport.Write(report, w));
        AssertWritten(MarkdownReport.Render(report), w => MarkdownReport.Write(report, w));
        AssertWritten(HtmlReport.Render(report), w => HtmlReport.Write(report, w));
    }

    private static void AssertWritten(string rendered, Action<TextWriter> write, int parts = 1)
    {
        var writer = new CountingWriter();
        write(writer);
        Assert.Equal(rendered, writer.ToString());
        Assert.True(writer.Writes >= parts, $"{rendered.Length} chars went out in {writer.Writes} parts; expected at least {parts}");
    }

    private static string LargeClaimSet()
    {
        var sources = string.Join(", ", Enumerable.Range(0, 20).Select(i => $$"""{"id": "s{{i}}", "name": "Source & {{i}}"}"""));
        var claims = Enumerable.Range(0, 4_000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id": "c{{i}}", "source": "s{{i % 20}}", "subject": "q{{i % 800}}", "property": "attendance", "value": {"number": {{(i % 7 == 0 ? 900 : 1000) + (i % 800)}}, "unit": "people"}, "quote": "About <{{i}}> people"}"""));
        var bad = Enumerable.Range(0, 200).Select(i => $$"""{"id": "bad{{i}}", "source": "s1", "subject": "q1", "property": "attendance", "value": {"duration": "soon"} }""");
        return $$"""{"format": "claimset/1", "sources": [{{sources}}], "claims": [{{string.Join(",\n", claims.Concat(bad))}}]}""";
    }

    /// <summary>Collects what is written and counts the writes of text blocks.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public CountingWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public int Writes { get; private set; }

        public override void Write(StringBuilder? value)
        {
            Writes++;
            base.Write(value);
        }
    }
}

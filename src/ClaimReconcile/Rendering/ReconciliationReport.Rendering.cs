using ClaimReconcile.Rendering;
using Microsoft.DotNet.Interactive;

namespace ClaimReconcile;

[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed partial class ReconciliationReport
{
    /// <summary>The report as a self-contained HTML page (see <see cref="HtmlReport"/>).</summary>
    public string ToHtml() => HtmlReport.Render(this);

    /// <summary>The report as Markdown (see <see cref="MarkdownReport"/>).</summary>
    public string ToMarkdown() => MarkdownReport.Render(this);
}

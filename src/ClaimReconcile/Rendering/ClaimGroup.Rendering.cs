using ClaimReconcile.Rendering;
using Microsoft.DotNet.Interactive;

namespace ClaimReconcile;

[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed partial class ClaimGroup
{
    /// <summary>The group as an HTML fragment: heading, consensus, explanation and a table of its claims.</summary>
    public string ToHtml() => HtmlReport.RenderFragment(this);

    /// <summary>The group as a Markdown section.</summary>
    public string ToMarkdown() => MarkdownReport.Render(this);
}

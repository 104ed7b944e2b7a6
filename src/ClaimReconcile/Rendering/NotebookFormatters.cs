using Microsoft.DotNet.Interactive;

namespace ClaimReconcile.Rendering
{
    /// <summary>
    /// Lets .NET Interactive notebooks show reports, groups and claim sets as HTML tables without this library
    /// referencing .NET Interactive: the notebook finds <see cref="TypeFormatterSourceAttribute"/> by its name on
    /// the type, creates this class, and calls <see cref="CreateTypeFormatters"/>; each formatter it returns has a
    /// <c>Type</c>, a <c>MimeType</c> and a <c>Format(object, TextWriter)</c> method.
    /// </summary>
    internal sealed class NotebookFormatters
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The notebook calls it on an instance it creates.")]
        public IEnumerable<object> CreateTypeFormatters() =>
        [
            new HtmlFormatter(typeof(ReconciliationReport), value => HtmlReport.RenderFragment((ReconciliationReport)value)),
            new HtmlFormatter(typeof(ClaimGroup), value => HtmlReport.RenderFragment((ClaimGroup)value)),
            new HtmlFormatter(typeof(ClaimSet), value => HtmlReport.RenderFragment((ClaimSet)value)),
        ];

        /// <summary>One formatter in the shape the notebook's convention expects.</summary>
        internal sealed class HtmlFormatter(Type type, Func<object, string> render)
        {
            public Type Type { get; } = type;

            [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The notebook reads it from the instance.")]
            public string MimeType => "text/html";

            public bool Format(object instance, TextWriter writer)
            {
                ArgumentNullException.ThrowIfNull(writer);
                if (!Type.IsInstanceOfType(instance))
                {
                    return false;
                }

                writer.Write(render(instance));
                return true;
            }
        }
    }
}

namespace Microsoft.DotNet.Interactive
{
    /// <summary>
    /// Names the formatter source of a type. .NET Interactive matches this attribute by its name and reads
    /// <see cref="FormatterSourceType"/>, so the library needs no package reference to be shown nicely in notebooks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
    internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
    {
        public Type FormatterSourceType { get; } = formatterSourceType;

        public string[] PreferredMimeTypes { get; init; } = ["text/html"];
    }
}

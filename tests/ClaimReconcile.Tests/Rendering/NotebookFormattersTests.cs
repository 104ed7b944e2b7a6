using System.Collections;
using System.Reflection;

namespace ClaimReconcile.Tests.Rendering;

/// <summary>Plays the part of .NET Interactive: finds the formatter source by the attribute's name, as the notebook does.</summary>
public sealed class NotebookFormattersTests
{
    public static TheoryData<string> Types => ["ReconciliationReport", "ClaimGroup", "ClaimSet"];

    [Theory]
    [MemberData(nameof(Types))]
    public void FormatterSource_FoundByConvention_RendersAnHtmlTable(string typeName)
    {
        object value = typeName switch
        {
            "ReconciliationReport" => WorkedExample.Report,
            "ClaimGroup" => WorkedExample.Report.FindGroup("trump", "role")!,
            _ => WorkedExample.Read.ClaimSet,
        };

        var html = FormatAsNotebook(value);

        Assert.NotNull(html);
        Assert.Contains("<table class=\"claims\">", html, StringComparison.Ordinal);
        Assert.Contains("bild-8", html, StringComparison.Ordinal);
        Assert.Contains("Ex-Präsident", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatterSource_Attribute_IsInternalInTheNotebooksNamespace()
    {
        var attribute = typeof(ReconciliationReport).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");

        Assert.Equal("Microsoft.DotNet.Interactive", attribute.GetType().Namespace);
        Assert.False(attribute.GetType().IsPublic);
    }

    private static string? FormatAsNotebook(object value)
    {
        foreach (var attribute in value.GetType().GetCustomAttributes(true).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute"))
        {
            var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
            var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
            var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
            foreach (var formatter in formatters)
            {
                var type = formatter.GetType();
                if ((string)type.GetProperty("MimeType")!.GetValue(formatter)! != "text/html"
                    || !((Type)type.GetProperty("Type")!.GetValue(formatter)!).IsInstanceOfType(value))
                {
                    continue;
                }

                using var writer = new StringWriter();
                var handled = (bool)type.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(formatter, [value, writer])!;
                return handled ? writer.ToString() : null;
            }
        }

        return null;
    }
}

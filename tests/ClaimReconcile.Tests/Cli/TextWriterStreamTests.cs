using System.Text;
using ClaimReconcile.Cli;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Cli;

public sealed class TextWriterStreamTests
{
    [Fact]
    public void Write_CharactersSplitAcrossWrites_ComeOutWhole()
    {
        // "Selenskyj — Зеленський 🇺🇦": two-, three- and four-byte characters, written one byte at a time.
        const string text = "Selenskyj \u2014 \u0417\u0435\u043b\u0435\u043d\u0441\u044c\u043a\u0438\u0439 \U0001F1FA\U0001F1E6";
        var output = new StringWriter();
        using (var stream = new TextWriterStream(output))
        {
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                stream.WriteByte(b);
            }
        }

        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Write_ReportJson_EqualsTheStringForm()
    {
        var report = new Reconciler().Reconcile(ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)));
        var output = new StringWriter();
        using (var stream = new TextWriterStream(output))
        {
            ReportJson.Write(report, stream);
        }

        Assert.Equal(ReportJson.Write(report), output.ToString());
    }
}

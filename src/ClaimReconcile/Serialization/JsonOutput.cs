using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClaimReconcile.Serialization;

/// <summary>
/// The one way this library writes JSON: indented with two spaces, <c>\n</c> line ends, unescaped non-ASCII text; or,
/// when asked for compact output, the same text without the indentation and line ends inside it.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // The writers here are fixed code whose output the snapshot tests pin; checking every call's place in the
        // document again at run time cost about a tenth of the time of writing a large report.
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions Compact = Indented with { Indented = false };

    /// <summary>The JSON <paramref name="write"/> writes, as text ending in one line end.</summary>
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            write(writer);
        }

        // The final line end goes into the bytes, so that a large report is not copied once more to append it.
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>How much a writer to a stream holds before it passes its bytes on (see <see cref="FlushIfFull"/>).</summary>
    internal const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Writes to a stream. A <see cref="Utf8JsonWriter"/> over a stream keeps everything written until it is flushed,
    /// so writers of long arrays call <see cref="FlushIfFull"/> per item to keep memory flat however large the output.
    /// </summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write, bool indented = true)
    {
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Passes what the writer holds on to its stream (or buffer) once it is more than <see cref="FlushThreshold"/>.</summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > FlushThreshold)
        {
            writer.Flush();
        }
    }
}

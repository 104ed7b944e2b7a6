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

    /// <summary>
    /// Writes to a stream a document whose bulk is one array, named <paramref name="arrayName"/> in the top-level object,
    /// with the array's items written on all cores: the same bytes as one writer writing <paramref name="head"/> (up to
    /// and including the array's start), every item in order, then <paramref name="tail"/> (from the array's end on).
    /// </summary>
    /// <remarks>
    /// The items come in parts (part <c>k</c> is items <c>partStarts[k]</c> up to the next part's start, or <paramref name="count"/>),
    /// each written by a writer of its own into a buffer of its own, a few parts ahead of the one going to the stream.
    /// A writer can only start at the top of a document, so each one first writes the array's start (and, for every
    /// part but the first, a <c>null</c> item before the part's own, so that its first item is written as one that
    /// follows another: the comma and the line end), and those bytes are left out. The bytes kept are then exactly the
    /// ones a single writer would write at that place. At most a few parts are held at once, so memory stays flat
    /// however long the array; a part is held whole, so no single part should be huge.
    /// </remarks>
    public static void WriteInParts(Stream stream, bool indented, Action<Utf8JsonWriter> head, JsonEncodedText arrayName, int count,
        IReadOnlyList<int> partStarts, Action<Utf8JsonWriter, int> writeItem, Action<Utf8JsonWriter> tail)
    {
        var options = indented ? Indented : Compact;
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            head(writer);
        }

        var parts = partStarts.Count;
        var window = Math.Min(parts, 2 * Environment.ProcessorCount);
        var slots = new Part[window];
        var work = new Task[parts];
        try
        {
            for (var k = 0; k < window; k++)
            {
                slots[k] = new Part(options);
            }

            void Start(int k) => work[k] = Task.Run(() =>
            {
                var slot = slots[k % window];
                var end = k + 1 < parts ? partStarts[k + 1] : count;
                slot.Begin(arrayName, follows: k > 0);
                for (var i = partStarts[k]; i < end; i++)
                {
                    writeItem(slot.Writer, i);
                }

                slot.Writer.Flush();
            });

            for (var k = 0; k < window; k++)
            {
                Start(k);
            }

            for (var k = 0; k < parts; k++)
            {
                work[k].GetAwaiter().GetResult();
                stream.Write(slots[k % window].Written);
                if (k + window < parts)
                {
                    Start(k + window);
                }
            }
        }
        finally
        {
            // Should a write fail, no part still being written may lose its buffer under it.
            foreach (var task in work)
            {
                try
                {
                    task?.Wait();
                }
                catch (AggregateException)
                {
                    // The first failure is already on its way out.
                }
            }

            foreach (var slot in slots)
            {
                slot?.Dispose();
            }
        }

        // The tail, after the same start as a part's: its writer knows the array has items, and so ends it as one that
        // has. It can be long (an issue per bad claim), so its bytes go on to the stream as they come.
        using (var last = new Part(options, passOnTo: stream))
        {
            last.Begin(arrayName, follows: true);
            tail(last.Writer);
            last.Writer.Flush();
            stream.Write(last.Written);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// A part's buffer and writer, reused by every part that takes its slot. The buffer comes from the shared pool and
    /// goes back to it: a report written again, or the next one, finds it there instead of allocating it anew. Given a
    /// stream to pass on to, it hands its bytes on whenever its writer flushes more than <see cref="FlushThreshold"/>.
    /// </summary>
    private sealed class Part(JsonWriterOptions options, Stream? passOnTo = null) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _written;
        private int _skip;

        public Utf8JsonWriter Writer { get; } = new(Stream.Null, options);

        /// <summary>The bytes of the part's items.</summary>
        public ReadOnlySpan<byte> Written => _buffer.AsSpan(_skip, _written - _skip);

        /// <summary>Starts a part: the array's start and, for a part that follows another, a <c>null</c> item, all left out.</summary>
        public void Begin(JsonEncodedText arrayName, bool follows)
        {
            (_written, _skip) = (0, 0);
            Writer.Reset(this);
            Writer.WriteStartObject();
            Writer.WriteStartArray(arrayName);
            if (follows)
            {
                Writer.WriteNullValue();
            }

            Writer.Flush();
            _skip = _written;
        }

        public void Advance(int count)
        {
            _written += count;
            if (passOnTo is not null && _written - _skip > FlushThreshold)
            {
                passOnTo.Write(Written);
                (_written, _skip) = (0, 0);
            }
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            // Room first: it may replace the buffer.
            var start = Room(sizeHint);
            return _buffer.AsMemory(start);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            var start = Room(sizeHint);
            return _buffer.AsSpan(start);
        }

        public void Dispose()
        {
            Writer.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one); returns where they start.</summary>
        private int Room(int sizeHint)
        {
            if (_buffer.Length - _written < Math.Max(sizeHint, 1))
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + sizeHint));
                _buffer.AsSpan(0, _written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _written;
        }
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

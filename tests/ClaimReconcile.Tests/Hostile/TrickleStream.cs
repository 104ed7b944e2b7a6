namespace ClaimReconcile.Tests.Hostile;

/// <summary>
/// A read-only stream that hands out its bytes a few at a time (1, 2, …, up to <c>maxChunk</c>, cycling), as a slow
/// network would, so that tokens and items straddle every possible buffer boundary of a streaming reader.
/// </summary>
internal sealed class TrickleStream(byte[] bytes, int maxChunk = 13) : Stream
{
    private int _position;
    private int _calls;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var chunk = Math.Min(Math.Min(buffer.Length, 1 + (_calls++ % maxChunk)), bytes.Length - _position);
        bytes.AsSpan(_position, chunk).CopyTo(buffer);
        _position += chunk;
        return chunk;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

namespace CoSie.Platform.Web.Hosting;

// A URL-encoded body or query string whose every "%" starts a two-digit hex escape. The framework's decoder keeps a
// broken escape ("%zz", a trailing "%") as literal text, so what a page stored would not be what was sent: a browser
// never sends one, so it is refused as a bad request instead. The stream checks as the form reader reads, in one pass
// and without holding the body.
public sealed class PercentEncodingCheckStream(Stream inner) : Stream
{
    private int _hexDigitsDue;

    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var due = 0;
        foreach (var c in text)
        {
            if (!Accept(c, ref due))
            {
                return false;
            }
        }
        return due == 0;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Check(ReadOnlySpan<byte> read)
    {
        foreach (var b in read)
        {
            if (!Accept((char)b, ref _hexDigitsDue))
            {
                throw new InvalidDataException("The form has a malformed percent-encoded escape.");
            }
        }
        if (read.IsEmpty && _hexDigitsDue > 0)
        {
            throw new InvalidDataException("The form ends inside a percent-encoded escape.");
        }
        return read.Length;
    }

    private static bool Accept(char c, ref int hexDigitsDue)
    {
        if (hexDigitsDue > 0)
        {
            hexDigitsDue--;
            return char.IsAsciiHexDigit(c);
        }
        if (c == '%')
        {
            hexDigitsDue = 2;
        }
        return true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

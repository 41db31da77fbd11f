using System.Security.Cryptography;
using System.Text;

namespace Infocentre.Loading.Common;

/// <summary>
/// What the loader learns about a file before parsing it, in one pass over its bytes: the SHA-256 and, for
/// text files, whether it is valid UTF-8 (otherwise it is read as Windows-1252, the other encoding the
/// infocentre exports in).
/// </summary>
public sealed record ExtractFile(string Path, string FileName, string Sha256, Encoding? Encoding, string FirstLine)
{
    static ExtractFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public bool IsXlsx => Path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Chorus CSV extract whose title line starts with <paramref name="code"/> ("INF-BUD-53 : ...").</summary>
    public bool IsChorusCsv(string code) => !IsXlsx && FirstLine.TrimStart('"').StartsWith(code, StringComparison.OrdinalIgnoreCase);

    public static async Task<ExtractFile> InspectAsync(string path, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        fileName ??= System.IO.Path.GetFileName(path);
        using var sha = SHA256.Create();
        var utf8 = new UTF8Encoding(false, true).GetDecoder();
        var isUtf8 = true;
        var buffer = new byte[1 << 16];
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.TransformBlock(buffer, 0, read, null, 0);
                if (isUtf8)
                {
                    try
                    {
                        utf8.GetCharCount(buffer, 0, read, flush: false);
                    }
                    catch (DecoderFallbackException)
                    {
                        isUtf8 = false;
                    }
                }
            }

            sha.TransformFinalBlock([], 0, 0);
        }

        var hash = Convert.ToHexStringLower(sha.Hash!);
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new ExtractFile(path, fileName, hash, null, string.Empty);
        }

        var encoding = isUtf8 ? new UTF8Encoding(false, true) : Windows1252;
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var first = await reader.ReadLineAsync(cancellationToken) ?? string.Empty;
        return new ExtractFile(path, fileName, hash, encoding, first);
    }

    /// <summary>The text of the file, decoded with <see cref="Encoding"/> (a UTF-8 BOM is skipped).</summary>
    public TextReader OpenText() =>
        new StreamReader(Path, Encoding ?? throw new InvalidOperationException("Not a text file."), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}

namespace Infocentre.Loading.Common;

/// <summary>The data rows of a Chorus extract, as every extract kind reads them (CSV lines or the rows of a sheet).</summary>
public static class ChorusLines
{
    /// <summary>
    /// Parses each data line (subtotal and blank lines skipped) with <paramref name="parse"/>, counting it read and,
    /// when it gives nothing or has errors, rejected (then <paramref name="rejected"/> runs); the first line marks the
    /// parse step. Yields the parsed lines.
    /// </summary>
    public static IEnumerable<T> Parse<T>(LoadSession session, IChorusRows rows, Func<int, string> nameOf, Func<LineReader, T?> parse, Action? rejected = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rows);
        var line = new LineReader(session);
        var first = true;
        while (rows.Read())
        {
            if (rows.IsSubtotalOrBlank())
            {
                continue;
            }

            session.RowsRead++;
            if (session.RowsRead % 50_000 == 0)
            {
                session.Options.Progress?.Report(session.RowsRead);
            }

            line.Start(rows.Line, rows.Field, nameOf);
            var parsed = parse(line);
            if (first)
            {
                first = false;
                session.Step(LoadStep.Parse);
            }

            if (parsed is null || line.HasErrors)
            {
                session.RowsRejected++;
                rejected?.Invoke();
                continue;
            }

            yield return parsed;
        }

        session.Options.Progress?.Report(session.RowsRead);
    }
}

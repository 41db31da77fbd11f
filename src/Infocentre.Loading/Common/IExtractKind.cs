namespace Infocentre.Loading.Common;

/// <summary>
/// One kind of extract: how to recognise it, parse and check its lines, and publish them into the warehouse
/// (inside the <see cref="LoadSession"/>'s transaction, which the loader commits).
/// </summary>
public interface IExtractKind
{
    /// <summary>Stable name stored in load_run.kind ("inf-bud-53").</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="file"/> is of this kind (from its extension and first line).</summary>
    bool Recognises(ExtractFile file);

    Task RunAsync(LoadSession session, CancellationToken cancellationToken);
}

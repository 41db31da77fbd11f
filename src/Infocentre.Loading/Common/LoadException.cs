namespace Infocentre.Loading.Common;

/// <summary>
/// The file cannot be loaded as a whole (unknown layout, missing column, too many rejections, reconciliation
/// gap). <see cref="Line"/> and <see cref="Column"/> locate the problem when there is one place to point at.
/// </summary>
public sealed class LoadException : Exception
{
    public LoadException()
    {
    }

    public LoadException(string message)
        : base(message)
    {
    }

    public LoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LoadException(string message, string status, long? line = null, string? column = null)
        : base(message)
    {
        Status = status;
        Line = line;
        Column = column;
    }

    /// <summary><see cref="LoadRunStatus.Failed"/> or <see cref="LoadRunStatus.Refused"/>.</summary>
    public string Status { get; } = LoadRunStatus.Failed;

    public long? Line { get; }

    public string? Column { get; }
}

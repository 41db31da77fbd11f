namespace Infocentre.Reports.Definitions;

/// <summary>One problem in one definition file: the file, the field and what is wrong.</summary>
public sealed record DefinitionError(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>The catalogue is invalid; the service refuses to start with it.</summary>
public sealed class ReportDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid report catalogue:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

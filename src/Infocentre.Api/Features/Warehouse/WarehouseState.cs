namespace Infocentre.Api.Features.Warehouse;

/// <summary>Whether the warehouse is ready to answer queries, and what the initialiser is doing meanwhile.</summary>
public sealed class WarehouseState
{
    private volatile string _status = "starting";
    private volatile bool _ready;

    public bool IsReady => _ready;

    public string Status => _status;

    public void Report(string status) => _status = status;

    public void MarkReady()
    {
        _status = "ready";
        _ready = true;
    }
}

using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>The findings view of the loader, a report source restricted to the loader and admin roles.</summary>
internal static class LoadFindingViewModel
{
    public static void Configure(ModelBuilder m) =>
        m.Entity<LoadFindingView>(b => b.ToView("v_constat_chargement").HasKey(x => x.Id));
}

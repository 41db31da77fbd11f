using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

internal static class LoadingModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<LoadRun>(b =>
        {
            b.ToTable("load_run");
            b.Property(r => r.Sha256).HasMaxLength(64);
            b.Property(r => r.ControlTotals).HasMaxLength(4000);
            b.Property(r => r.Message).HasMaxLength(4000);
            b.HasIndex(r => r.StartedAt);
            b.HasIndex(r => new { r.Sha256, r.Status });
        });
        m.Entity<LoadFinding>(b =>
        {
            b.ToTable("load_finding");
            b.Property(f => f.Message).HasMaxLength(1000);
            b.Property(f => f.Value).HasMaxLength(1000);
            b.HasOne<LoadRun>().WithMany().HasForeignKey(f => f.LoadRunId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(f => new { f.LoadRunId, f.Code });
        });
    }
}

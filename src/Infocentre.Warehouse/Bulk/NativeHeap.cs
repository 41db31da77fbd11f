using System.Runtime.InteropServices;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// Gives the memory that SQLite freed during a bulk load back to the operating system. glibc keeps freed blocks
/// in per-thread arenas, and a load's statements run on whichever thread-pool thread resumes them, so without this
/// a process's memory grew from load to load although SQLite and the .NET heap had released everything
/// (docs/performance.md, "Loading").
/// </summary>
internal static partial class NativeHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Another C library (musl): nothing to give back this way.
        }
    }

    [LibraryImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int malloc_trim(nuint pad);
}

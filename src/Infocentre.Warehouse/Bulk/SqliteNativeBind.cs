using System.Runtime.InteropServices;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// The <c>sqlite3_bind_*</c> functions of the bundled e_sqlite3 library, called on the raw statement pointer.
/// SQLitePCLRaw's wrappers take the statement as a SafeHandle and add a reference to it and release it at every
/// call: with 30 columns per row that was a tenth of a bulk insert's time (docs/performance.md, "Loading").
/// </summary>
internal static partial class SqliteNativeBind
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns, so the buffer can be reused.</summary>
    private static readonly IntPtr Transient = new(-1);

    /// <summary>
    /// Whether SQLitePCLRaw's provider (set once a connection has opened) uses the same library: a statement
    /// prepared by another one (SQLCipher, the system's winsqlite3) must not be bound here.
    /// </summary>
    public static bool IsTheProvidersLibrary() => string.Equals(SQLitePCL.raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    public static int Int64(IntPtr statement, int index, long value) => sqlite3_bind_int64(statement, index, value);

    public static int Double(IntPtr statement, int index, double value) => sqlite3_bind_double(statement, index, value);

    public static int Null(IntPtr statement, int index) => sqlite3_bind_null(statement, index);

    /// <summary>Binds UTF-8 bytes; an empty span is bound as the empty string (not as NULL).</summary>
    public static int Text(IntPtr statement, int index, ReadOnlySpan<byte> utf8)
    {
        byte empty = 0;
        return sqlite3_bind_text(statement, index, ref utf8.IsEmpty ? ref empty : ref MemoryMarshal.GetReference(utf8), utf8.Length, Transient);
    }

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int sqlite3_bind_double(IntPtr statement, int index, double value);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, ref byte utf8, int length, IntPtr destructor);
}

using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Loader;
using System.Text;
using Npgsql;

namespace Infocentre.TestSupport.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server for tests.
/// </summary>
/// <remarks>
/// <para>
/// If the environment variable <c>INFOCENTRE_TEST_POSTGRES</c> holds a connection string, that server is
/// used as is (it is neither started nor stopped; only the databases created here are dropped at the end).
/// </para>
/// <para>
/// Otherwise a private cluster is created in a temporary folder with <c>initdb</c> and started with
/// <c>pg_ctl</c> on a free port of 127.0.0.1 (durability switched off: fsync, synchronous_commit and
/// full_page_writes). When the process runs as root, the tools run as the <c>postgres</c> user through
/// <c>runuser</c>, because <c>initdb</c> refuses to run as root. Disposing stops the server and deletes the
/// folder. A ProcessExit/unload hook and a small watchdog shell process stop the server and delete the
/// folder if the test process ends without disposing (crash, kill).
/// </para>
/// <para>
/// When no server binaries can be found, <see cref="StartAsync"/> throws: tests fail, they are never skipped.
/// </para>
/// </remarks>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    /// <summary>Environment variable that, when set, holds the connection string of an existing server to use.</summary>
    public const string ConnectionStringVariable = "INFOCENTRE_TEST_POSTGRES";

    /// <summary>What to do when no PostgreSQL server binaries are found.</summary>
    public const string InstallHint =
        "Install the distribution's postgresql server package (apt-get install postgresql) or set INFOCENTRE_TEST_POSTGRES to a connection string";

    private const string ServerUser = "postgres";
    private const int StartAttempts = 3;
    private const int LogTailLines = 40;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<PostgreSqlServer, byte> Running = new();
    private static int exitHooksRegistered;

    private readonly ConcurrentDictionary<string, byte> handedOut = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> createdDatabases = new(StringComparer.Ordinal);
    private readonly Tools? tools;
    private readonly string? rootDirectory;
    private Process? watchdog;
    private int disposed;

    private PostgreSqlServer(string connectionString, Tools? tools, string? rootDirectory)
    {
        ConnectionString = connectionString;
        this.tools = tools;
        this.rootDirectory = rootDirectory;
    }

    /// <summary>Connection string of the server's maintenance database (user postgres, database postgres).</summary>
    public string ConnectionString { get; private set; }

    /// <summary>True when the server comes from <c>INFOCENTRE_TEST_POSTGRES</c> (not started by this object).</summary>
    public bool IsExternal => tools is null;

    /// <summary>TCP port of a server started by this object; null for an external server.</summary>
    public int? Port { get; private set; }

    /// <summary>How long it took from the call to <see cref="StartAsync"/> until the server accepted connections.</summary>
    public TimeSpan StartupDuration { get; private set; }

    private string DataDirectory => Path.Combine(rootDirectory!, "data");

    private string LogFile => Path.Combine(rootDirectory!, "log");

    /// <summary>
    /// Uses the server named by <c>INFOCENTRE_TEST_POSTGRES</c>, or creates and starts a private one.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server binaries were found, or a step failed (the message holds the tool output and the server log).</exception>
    public static async Task<PostgreSqlServer> StartAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();

        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(external);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException(
                    $"{ConnectionStringVariable} does not hold a valid Npgsql connection string: {ex.Message}", ex);
            }

            return new PostgreSqlServer(external, tools: null, rootDirectory: null) { StartupDuration = stopwatch.Elapsed };
        }

        var tools = Tools.Find();
        var root = Path.Combine(ChooseTempParent(tools), "infocentre-pg-" + Guid.NewGuid().ToString("N"));
        var server = new PostgreSqlServer(string.Empty, tools, root);
        try
        {
            await server.InitializeClusterAsync(cancellationToken);
            server.ConnectionString = await server.StartClusterAsync(cancellationToken);
            server.StartupDuration = stopwatch.Elapsed;
            Running.TryAdd(server, 0);
            RegisterExitHooks();
            server.StartWatchdog();
            return server;
        }
        catch
        {
            server.EmergencyCleanup();
            throw;
        }
    }

    /// <summary>
    /// Creates a new, uniquely named, empty database and returns a connection string to it.
    /// </summary>
    /// <param name="prefix">Start of the database name (lower-cased, reduced to letters, digits and underscores); "test" when null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public async Task<string> CreateDatabaseAsync(string? prefix, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        var name = MakeDatabaseName(prefix);
        var admin = ConnectionString;
        handedOut.TryAdd(admin, 0);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        createdDatabases.TryAdd(name, 0);
        var result = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        handedOut.TryAdd(result, 0);
        return result;
    }

    /// <summary>Stops the server (<c>pg_ctl -m fast stop</c>) and deletes its folder; for an external server, drops the databases created here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        ClearPools();

        if (tools is null)
        {
            await DropCreatedDatabasesAsync();
            return;
        }

        Running.TryRemove(this, out _);
        string? failure = null;
        try
        {
            var stop = await RunToolAsync(
                tools.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
            if (stop.ExitCode != 0 && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                failure = Describe("pg_ctl stop failed", stop);
            }
        }
        catch (InvalidOperationException ex)
        {
            failure = ex.Message;
        }
        finally
        {
            if (failure is not null)
            {
                KillPostmaster();
            }

            StopWatchdog();
            DeleteRootDirectory();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static string BuildConnectionString(int port) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServerUser,
            Database = "postgres",
            Pooling = true,
            MaxPoolSize = 50,
            Timeout = 15,
            CommandTimeout = 120,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private static string MakeDatabaseName(string? prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in (string.IsNullOrWhiteSpace(prefix) ? "test" : prefix).ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (builder.Length == 0 || builder[0] is not (>= 'a' and <= 'z'))
        {
            builder.Insert(0, "t_");
        }

        if (builder.Length > 40)
        {
            builder.Length = 40;
        }

        // 40 + 1 + 16 < 63, PostgreSQL's identifier limit.
        return builder.Append('_').Append(Guid.NewGuid().ToString("N").AsSpan(0, 16)).ToString();
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteForShell(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Path.GetTempPath(), unless the tools run as the postgres user and that user cannot reach it
    /// (TMPDIR under /root, say): then /tmp.
    /// </summary>
    private static string ChooseTempParent(Tools tools)
    {
        var temp = Path.GetTempPath();
        if (tools.RunUser is null || OperatingSystem.IsWindows() || !Directory.Exists("/tmp"))
        {
            return temp;
        }

        for (var directory = new DirectoryInfo(temp); directory is not null; directory = directory.Parent)
        {
            if ((directory.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return "/tmp";
            }
        }

        return temp;
    }

    private static int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        var root = rootDirectory!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (tools!.RunUser is not null)
        {
            var chown = await RunProcessAsync("chown", [ServerUser, root], root, cancellationToken);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException(Describe($"could not give {root} to the {ServerUser} user", chown));
            }
        }

        var initdb = await RunToolAsync(
            tools.InitDb,
            ["-D", DataDirectory, "-A", "trust", "-U", ServerUser, "-E", "UTF8", "--no-locale", "--no-sync"],
            cancellationToken);
        if (initdb.ExitCode != 0)
        {
            throw new InvalidOperationException(Describe("initdb failed", initdb));
        }
    }

    private async Task<string> StartClusterAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = GetFreePort();
            var options = string.Join(
                ' ',
                "-p " + port.ToString(CultureInfo.InvariantCulture),
                "-k " + QuoteForShell(rootDirectory!),
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            var start = await RunToolAsync(
                tools!.PgCtl, ["-D", DataDirectory, "-o", options, "-l", LogFile, "-w", "-t", "60", "start"], cancellationToken);
            Port = port;
            if (start.ExitCode == 0)
            {
                return BuildConnectionString(port);
            }

            var log = ReadLogTail();
            if (attempt < StartAttempts && log.Contains("already in use", StringComparison.OrdinalIgnoreCase)
                && !File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                // Another process took the port between the probe and the server's bind.
                continue;
            }

            throw new InvalidOperationException(Describe("pg_ctl start failed", start));
        }
    }

    private Task<ToolResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (file, args) = tools!.Wrap(tool, arguments);
        return RunProcessAsync(file, args, rootDirectory!, cancellationToken);
    }

    private static async Task<ToolResult> RunProcessAsync(
        string file, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var commandLine = file + " " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
        var startInfo = CreateStartInfo(file, arguments, workingDirectory);
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run `{commandLine}`: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ToolTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new ToolResult(commandLine, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"`{commandLine}` did not finish within {ToolTimeout.TotalSeconds:0} s.");
        }
    }

    private static ToolResult RunProcess(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = CreateStartInfo(file, arguments, workingDirectory) };
        process.Start();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            KillQuietly(process);
            return new ToolResult(file, -1, string.Empty, "timed out");
        }

        process.WaitForExit();
        return new ToolResult(file, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo CreateStartInfo(string file, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user may not be allowed into the caller's current directory.
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Untranslated tool messages, whatever the machine's language.
        startInfo.Environment["LC_MESSAGES"] = "C";
        return startInfo;
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Could not be killed; nothing more to do.
        }
    }

    private string Describe(string what, ToolResult result)
    {
        var text = new StringBuilder()
            .Append("PostgreSQL test server: ").Append(what).Append(" (exit code ")
            .Append(result.ExitCode.ToString(CultureInfo.InvariantCulture)).AppendLine(").")
            .Append("Command: ").AppendLine(result.CommandLine)
            .AppendLine("--- stdout ---").AppendLine(result.StandardOutput.TrimEnd())
            .AppendLine("--- stderr ---").AppendLine(result.StandardError.TrimEnd());
        var log = ReadLogTail();
        if (log.Length > 0)
        {
            text.Append("--- server log (last ").Append(LogTailLines.ToString(CultureInfo.InvariantCulture))
                .AppendLine(" lines) ---").AppendLine(log.TrimEnd());
        }

        return text.ToString();
    }

    private string ReadLogTail()
    {
        try
        {
            if (rootDirectory is null || !File.Exists(LogFile))
            {
                return string.Empty;
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(LogTailLines));
        }
        catch (IOException ex)
        {
            return "(could not read the server log: " + ex.Message + ")";
        }
        catch (UnauthorizedAccessException ex)
        {
            return "(could not read the server log: " + ex.Message + ")";
        }
    }

    private void ClearPools()
    {
        foreach (var connectionString in handedOut.Keys)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private async Task DropCreatedDatabasesAsync()
    {
        if (createdDatabases.IsEmpty)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var force = connection.PostgreSqlVersion.Major >= 13 ? " WITH (FORCE)" : string.Empty;
        foreach (var name in createdDatabases.Keys)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)}{force}", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Best effort, synchronous: used on failed start and when the process exits without disposing.</summary>
    private void EmergencyCleanup()
    {
        if (tools is null || rootDirectory is null)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                var (file, args) = tools.Wrap(tools.PgCtl, ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "10", "stop"]);
                var stop = RunProcess(file, args, rootDirectory, TimeSpan.FromSeconds(15));
                if (stop.ExitCode != 0)
                {
                    KillPostmaster();
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or IOException)
        {
            KillPostmaster();
        }

        StopWatchdog();
        DeleteRootDirectory();
    }

    private void KillPostmaster()
    {
        try
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return;
            }

            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or IOException
            or UnauthorizedAccessException or NotSupportedException)
        {
            // Already gone, or not ours to kill: nothing more can be done here.
        }
    }

    private void DeleteRootDirectory()
    {
        if (rootDirectory is null)
        {
            return;
        }

        for (var attempt = 0; attempt < 5 && Directory.Exists(rootDirectory); attempt++)
        {
            try
            {
                Directory.Delete(rootDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>
    /// Starts a shell that waits for this process to end and then stops the server and deletes the folder,
    /// for the cases where no managed code runs at the end (crash, SIGKILL).
    /// </summary>
    private void StartWatchdog()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return;
        }

        const string Script = """
            exec </dev/null >/dev/null 2>&1
            owner=$1; root=$2; data=$3; shift 3
            while kill -0 "$owner"; do sleep 2; done
            if [ -f "$data/postmaster.pid" ]; then "$@" -D "$data" -m immediate -w -t 10 stop; fi
            case "$root" in */infocentre-pg-*) rm -rf "$root" ;; esac
            """;
        var (file, args) = tools!.Wrap(tools.PgCtl, []);
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = rootDirectory! };
        List<string> arguments =
        [
            "-c", Script, "infocentre-pg-watchdog",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), rootDirectory!, DataDirectory, file, .. args,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            watchdog = Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            // The ProcessExit hook still covers ordinary exits.
        }
    }

    private void StopWatchdog()
    {
        var process = Interlocked.Exchange(ref watchdog, null);
        if (process is null)
        {
            return;
        }

        KillQuietly(process);
        process.Dispose();
    }

    private static void RegisterExitHooks()
    {
        if (Interlocked.Exchange(ref exitHooksRegistered, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllRunning();
        AppDomain.CurrentDomain.DomainUnload += (_, _) => StopAllRunning();
        var loadContext = AssemblyLoadContext.GetLoadContext(typeof(PostgreSqlServer).Assembly);
        if (loadContext is not null)
        {
            loadContext.Unloading += _ => StopAllRunning();
        }
    }

    private static void StopAllRunning()
    {
        foreach (var server in Running.Keys)
        {
            if (Running.TryRemove(server, out _) && Interlocked.Exchange(ref server.disposed, 1) == 0)
            {
                server.EmergencyCleanup();
            }
        }
    }

    private sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Where the server binaries are, and how to run them (directly, or as postgres through runuser when root).</summary>
    private sealed class Tools
    {
        private Tools(string initDb, string pgCtl, string? runUser)
        {
            InitDb = initDb;
            PgCtl = pgCtl;
            RunUser = runUser;
        }

        public string InitDb { get; }

        public string PgCtl { get; }

        /// <summary>Path of runuser when the tools must run as the postgres user; otherwise null.</summary>
        public string? RunUser { get; }

        public static Tools Find()
        {
            var directory = FindBinDirectory()
                ?? throw new InvalidOperationException(
                    "No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH, in /usr/lib/postgresql/*/bin "
                    + "or through dpkg. " + InstallHint + ".");

            string? runUser = null;
            if (!OperatingSystem.IsWindows() && IsRoot())
            {
                runUser = FindOnPath("runuser") ?? new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(IsExecutable)
                    ?? throw new InvalidOperationException(
                        "Running as root, and initdb refuses to run as root, but runuser (util-linux) was not found to run it as the "
                        + "postgres user. Run the tests as an ordinary user, install util-linux, or set "
                        + ConnectionStringVariable + " to a connection string.");
            }

            return new Tools(Path.Combine(directory, ExecutableName("initdb")), Path.Combine(directory, ExecutableName("pg_ctl")), runUser);
        }

        public (string File, IReadOnlyList<string> Arguments) Wrap(string tool, IReadOnlyList<string> arguments) =>
            RunUser is null ? (tool, arguments) : (RunUser, ["-u", ServerUser, "--", tool, .. arguments]);

        // On Unix, Environment.UserName is the name of the effective user (getpwuid(geteuid())).
        private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

        private static string? FindBinDirectory()
        {
            // 1. PATH (an initdb whose pg_ctl sits next to it).
            foreach (var directory in PathDirectories())
            {
                if (HasServerTools(directory))
                {
                    return directory;
                }
            }

            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            // 2. The versioned folders of the usual packages, newest version first.
            foreach (var pattern in new[] { ("/usr/lib/postgresql", ""), ("/usr", "pgsql-") })
            {
                var candidates = VersionedDirectories(pattern.Item1, pattern.Item2);
                foreach (var directory in candidates)
                {
                    var bin = Path.Combine(directory, "bin");
                    if (HasServerTools(bin))
                    {
                        return bin;
                    }
                }
            }

            if (HasServerTools("/usr/local/pgsql/bin"))
            {
                return "/usr/local/pgsql/bin";
            }

            // 3. What dpkg says the installed postgresql-<version> packages hold.
            return FindWithDpkg();
        }

        private static List<string> VersionedDirectories(string parent, string prefix)
        {
            if (!Directory.Exists(parent))
            {
                return [];
            }

            return Directory.EnumerateDirectories(parent, prefix + "*")
                .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d)[prefix.Length..])))
                .Where(x => x.Version is not null)
                .OrderByDescending(x => x.Version)
                .Select(x => x.Directory)
                .ToList();
        }

        private static Version? ParseVersion(string text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
            {
                return new Version(major, 0);
            }

            return Version.TryParse(text, out var version) ? version : null;
        }

        private static string? FindWithDpkg()
        {
            var dpkgQuery = FindOnPath("dpkg-query");
            var dpkg = FindOnPath("dpkg");
            if (dpkgQuery is null || dpkg is null)
            {
                return null;
            }

            try
            {
                var list = RunProcess(dpkgQuery, ["-W", "-f", "${db:Status-Abbrev} ${Package}\n", "postgresql-[0-9]*"], Path.GetTempPath(), TimeSpan.FromSeconds(30));
                var packages = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(parts => parts.Length == 2 && parts[0].StartsWith("ii", StringComparison.Ordinal))
                    .Select(parts => parts[1])
                    .Select(name => (Name: name, Version: ParseVersion(name["postgresql-".Length..])))
                    .Where(x => x.Version is not null)
                    .OrderByDescending(x => x.Version)
                    .Select(x => x.Name);
                foreach (var package in packages)
                {
                    var files = RunProcess(dpkg, ["-L", package], Path.GetTempPath(), TimeSpan.FromSeconds(30));
                    var initdb = files.StandardOutput.Split('\n', StringSplitOptions.TrimEntries)
                        .FirstOrDefault(line => line.EndsWith("/bin/initdb", StringComparison.Ordinal));
                    var directory = initdb is null ? null : Path.GetDirectoryName(initdb);
                    if (directory is not null && HasServerTools(directory))
                    {
                        return directory;
                    }
                }
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
            {
                // dpkg unusable: fall through to "not found".
            }

            return null;
        }

        private static string[] PathDirectories() =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static string? FindOnPath(string name) =>
            PathDirectories().Select(d => Path.Combine(d, ExecutableName(name))).FirstOrDefault(IsExecutable);

        private static bool HasServerTools(string directory) =>
            IsExecutable(Path.Combine(directory, ExecutableName("initdb")))
            && IsExecutable(Path.Combine(directory, ExecutableName("pg_ctl")));

        private static string ExecutableName(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;

        private static bool IsExecutable(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (OperatingSystem.IsWindows())
            {
                return true;
            }

            const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            try
            {
                // Follows symbolic links: a dangling link (File.Exists is true for it) throws here.
                return (File.GetUnixFileMode(path) & AnyExecute) != 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}

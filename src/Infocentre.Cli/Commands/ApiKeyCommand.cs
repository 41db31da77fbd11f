using System.CommandLine;
using Infocentre.Access;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre apikey create|revoke|list`: API keys of service accounts, stored hashed in the warehouse.</summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var command = new Command("apikey", "Create, revoke or list the API keys of service accounts.");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(Revoke());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command CreateKey()
    {
        var arguments = new WarehouseArguments();
        var name = new Option<string>("--name") { Description = "Name of the service account.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "reader, exporter, analyst, loader or admin.", DefaultValueFactory = _ => [Roles.Reader], AllowMultipleArgumentsPerToken = true };
        var ministries = new Option<string[]>("--ministry") { Description = "Ministère code(s) of the perimeter.", AllowMultipleArgumentsPerToken = true };
        var programmes = new Option<string[]>("--programme") { Description = "Programme code(s) narrowing the perimeter.", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--interministerial") { Description = "Perimeter covering every ministry." };
        var command = new Command("create", "Create a key; it is printed once and only its hash is stored.") { name, roles, ministries, programmes, all };
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var roleList = result.GetValue(roles)!;
            var ministryList = result.GetValue(ministries) ?? [];
            var interministerial = result.GetValue(all);
            if (roleList.Any(r => !Roles.All.Contains(r, StringComparer.Ordinal)) || (ministryList.Length == 0) == !interministerial)
            {
                await Console.Error.WriteLineAsync($"Give roles among {string.Join(", ", Roles.All)} and either --ministry codes or --interministerial.");
                return 1;
            }

            await using var db = WarehouseDatabase.CreateContext(arguments.Read(result));
            await WarehouseDatabase.CreateSchemaAsync(db, cancellationToken);
            var (row, key) = await ApiKeys.CreateAsync(db, result.GetValue(name)!, roleList, interministerial ? ["*"] : ministryList, result.GetValue(programmes), cancellationToken);
            Console.WriteLine($"API key for {row.Name} (prefix {row.Prefix}); send it as the X-Api-Key header. It is not shown again:");
            Console.WriteLine(key);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var arguments = new WarehouseArguments();
        var prefix = new Argument<string>("prefix") { Description = "The key's prefix, as listed." };
        var command = new Command("revoke", "Revoke a key: it stops working at once.") { prefix };
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var db = WarehouseDatabase.CreateContext(arguments.Read(result));
            if (!await ApiKeys.RevokeAsync(db, result.GetValue(prefix)!, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No active key has the prefix '{result.GetValue(prefix)}'.");
                return 1;
            }

            Console.WriteLine("Revoked.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var arguments = new WarehouseArguments();
        var command = new Command("list", "List keys (never their secret).");
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var db = WarehouseDatabase.CreateContext(arguments.Read(result));
            foreach (var key in await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken))
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{key.Prefix}  {key.Name,-24} roles={key.Roles} ministeres={key.Ministeres} programmes={key.Programmes} created={key.CreatedAt:u} {(key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}")}"));
            }

            return 0;
        });
        return command;
    }
}

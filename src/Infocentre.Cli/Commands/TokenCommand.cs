using System.CommandLine;
using Infocentre.Access;

namespace Infocentre.Cli.Commands;

/// <summary>
/// `infocentre token --ministry MIN10 --role analyst`: a short-lived token signed with the local development
/// key, for trying the API on the embedded demo. Refused outside the Development environment.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var ministries = new Option<string[]>("--ministry") { Description = "Ministère code(s) of the perimeter, e.g. MIN10 (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var programmes = new Option<string[]>("--programme") { Description = "Programme code(s) narrowing the perimeter, e.g. 0163.", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--interministerial") { Description = "Perimeter covering every ministry." };
        var roles = new Option<string[]>("--role") { Description = "reader, exporter, analyst (reader + exporter), loader or admin.", DefaultValueFactory = _ => [Roles.Reader] };
        var subject = new Option<string>("--subject") { Description = "Name of the user the token stands for.", DefaultValueFactory = _ => Environment.UserName };
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes (at most 480).", DefaultValueFactory = _ => 60 };
        var command = new Command("token", "Issue a development token (Development environment only).") { ministries, programmes, all, roles, subject, minutes };
        command.SetAction(result =>
        {
            if (!DevelopmentSigningKey.IsDevelopment())
            {
                Console.Error.WriteLine("The token verb works only in Development: set DOTNET_ENVIRONMENT=Development. Elsewhere, tokens come from your identity provider.");
                return 2;
            }

            var roleList = result.GetValue(roles)!;
            var unknown = roleList.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
            var ministryList = result.GetValue(ministries) ?? [];
            var interministerial = result.GetValue(all);
            var lifetime = result.GetValue(minutes);
            if (unknown.Count > 0 || (ministryList.Length == 0 && !interministerial) || lifetime is < 1 or > 480)
            {
                Console.Error.WriteLine(unknown.Count > 0 ? $"Unknown role(s): {string.Join(", ", unknown)}. Use {string.Join(", ", Roles.All)}."
                    : lifetime is < 1 or > 480 ? "--minutes must be between 1 and 480."
                    : "Give the perimeter: --ministry MIN10 (or --interministerial).");
                return 1;
            }

            Console.WriteLine(TokenIssuer.Issue(
                DevelopmentSigningKey.LoadOrCreate(), DevelopmentSigningKey.Issuer, DevelopmentSigningKey.Audience,
                result.GetValue(subject)!, roleList, ministryList, result.GetValue(programmes), interministerial, TimeSpan.FromMinutes(lifetime)));
            return 0;
        });
        return command;
    }
}

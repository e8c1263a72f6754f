using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace CoSie.Platform.Web.Features.Lti.Services;

// The gradebook column of a prompt in an LMS course (AGS 2.0 line items): the one kept, else the one the LMS already
// has for the prompt (resourceId = the prompt's id), else a new one out of 100, labelled with the prompt.
public sealed class LineItems(PlatformDbContext db, ServiceCalls calls, TimeProvider clock)
{
    // The tag of the tool's gradebook columns, whether the tool or a deep link made them.
    public const string Tag = "participation";

    public async Task<string> UrlAsync(LtiPlatform platform, LtiContext context, ReflectionPrompt prompt, CancellationToken cancellationToken)
    {
        if (await db.LtiLineItems.AsNoTracking().Where(i => i.LtiContextId == context.Id && i.PromptId == prompt.Id).Select(i => i.Url)
                .SingleOrDefaultAsync(cancellationToken) is { } kept)
        {
            return kept;
        }
        if (context.LineItemsUrl is not { } container)
        {
            throw new LtiServiceException(ServiceFailure.NoGradebook, null, "no lineitems address");
        }
        var scopes = context.GradeScopes.Contains(Advantage.LineItemScope) ? [Advantage.LineItemScope] : new[] { Advantage.LineItemReadScope };
        var resourceId = prompt.Id.ToString();
        var found = await calls.SendAsync(platform, scopes, HttpMethod.Get, WithQuery(container, "resource_id=" + Uri.EscapeDataString(resourceId)),
            Advantage.LineItemContainer, null, null, cancellationToken);
        var url = Read(found.Body, items => items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => LaunchProperty(i, "resourceId") == resourceId).Select(i => LaunchProperty(i, "id")).FirstOrDefault(i => i is not null)
            : null);
        if (url is null)
        {
            var label = prompt.Text.Length > 250 ? prompt.Text[..249] + "…" : prompt.Text;
            var item = new JsonObject
            {
                ["scoreMaximum"] = ParticipationScore.Maximum,
                ["label"] = label,
                ["resourceId"] = resourceId,
                ["tag"] = Tag,
            };
            if (context.ResourceLinkId is { } link)
            {
                item["resourceLinkId"] = link;
            }
            var created = await calls.SendAsync(platform, [Advantage.LineItemScope], HttpMethod.Post, container, Advantage.LineItem,
                item.ToJsonString(), Advantage.LineItem, cancellationToken);
            url = Read(created.Body, i => LaunchProperty(i, "id"));
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _) || url.Length > 2000)
        {
            throw new LtiServiceException(ServiceFailure.BadAnswer, 200, "line item without a usable id");
        }
        try
        {
            db.LtiLineItems.Add(new LtiLineItem { LtiContextId = context.Id, PromptId = prompt.Id, Url = url, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return url;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another score of the same prompt kept its column first; use that one.
            db.ChangeTracker.Clear();
            return await db.LtiLineItems.AsNoTracking().Where(i => i.LtiContextId == context.Id && i.PromptId == prompt.Id).Select(i => i.Url).SingleAsync(cancellationToken);
        }
    }

    // The scores of a line item are posted to its address with "/scores" added to the path (AGS 2.0, 3.4).
    public static string ScoresUrl(string lineItem)
    {
        var query = lineItem.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? lineItem.TrimEnd('/') + "/scores" : lineItem[..query].TrimEnd('/') + "/scores" + lineItem[query..];
    }

    private static string WithQuery(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static string? LaunchProperty(JsonElement element, string name) => Launch.LaunchClaims.Property(element, name);

    private static string? Read(string body, Func<JsonElement, string?> pick)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return pick(json.RootElement);
        }
        catch (JsonException e)
        {
            throw new LtiServiceException(ServiceFailure.BadAnswer, 200, "line item answer: " + e.Message);
        }
    }
}

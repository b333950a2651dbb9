using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Xuncha.IntegrationTests.Infrastructure;

public static partial class HttpExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Signs in through the real form: GET the page for its antiforgery token, then POST.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken(page);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Features.Users;
using Xuncha.Core.Security;

namespace Xuncha.Cli.Commands;

internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "用户名（登录名），3–32 位字母、数字或 . _ -", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "姓名", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "角色：" + string.Join("、", Roles.All.Select(r => $"{r.Name}（{r.Key}）")),
            Required = true,
        };
        var scope = new Option<string>("--scope") { Description = "数据范围：区划代码，如 3307（全市）、330782（义乌市）、330782100（佛堂镇）", Required = true };
        var organization = new Option<string?>("--organization") { Description = "单位，留空按数据范围和角色生成" };
        var password = new Option<string?>("--password") { Description = "初始密码；不指定时从环境变量 XUNCHA_NEW_PASSWORD 读取，否则在终端中输入" };

        var add = new Command("add", "新建用户") { name, displayName, role, scope, organization, password };
        add.SetAction(async (parse, ct) =>
        {
            var pw = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("XUNCHA_NEW_PASSWORD");
            if (pw is null)
            {
                if (Console.IsInputRedirected)
                {
                    await Console.Error.WriteLineAsync("请用 --password 或环境变量 XUNCHA_NEW_PASSWORD 提供初始密码。");
                    return ExitCodes.Usage;
                }

                pw = AnsiConsole.Prompt(new TextPrompt<string>("初始密码：").Secret());
            }

            await using var services = CliHost.Build(parse.GetValue(CommonOptions.DataDir));
            using var s = services.CreateScope();
            await s.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            try
            {
                var created = await s.ServiceProvider.GetRequiredService<CreateUserHandler>().Handle(
                    new CreateUser(parse.GetValue(name), parse.GetValue(displayName), parse.GetValue(organization), parse.GetValue(role), parse.GetValue(scope), pw),
                    actor: null, ct);
                AnsiConsole.MarkupLine($"已创建用户 [bold]{Markup.Escape(created.UserName)}[/]（{Markup.Escape(Roles.NameOf(Roles.Parse(parse.GetValue(role))!))}）。");
                return ExitCodes.Ok;
            }
            catch (ValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    foreach (var m in messages)
                    {
                        await Console.Error.WriteLineAsync($"--{OptionOf(field)}：{m}");
                    }
                }

                return ExitCodes.Failed;
            }
        });
        return new Command("user", "用户管理") { add };
    }

    private static string OptionOf(string field) => field switch
    {
        "userName" => "name",
        "displayName" => "display-name",
        "scopeCode" => "scope",
        _ => field,
    };
}

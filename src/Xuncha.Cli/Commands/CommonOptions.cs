using System.CommandLine;

namespace Xuncha.Cli.Commands;

internal static class CommonOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "数据目录（SQLite 数据库、密钥、附件），默认 ./data；也可用环境变量 XUNCHA_DATA_DIR",
        Recursive = true,
    };
}

using System.Text;

namespace Xuncha.Screening.Tests.Package;

/// <summary>A hand-written package in a temp folder: one CSV per table, in any encoding. Disposing deletes the folder.</summary>
public sealed class TempPackage : IDisposable
{
    private readonly TempFolder temp = new("pkg");

    public string Folder => temp.Folder;

    public const string Village = "330782100201";

    public const string VillagesCsv = "village_code,village_name,township_name,county_name,kind\n" + Village + ",测试村,佛堂镇,义乌市,村\n";

    public TempPackage Write(string table, string content, Encoding? encoding = null)
    {
        File.WriteAllText(Path.Combine(Folder, table + ".csv"), content, encoding ?? new UTF8Encoding(false));
        return this;
    }

    public static TempPackage WithVillage() => new TempPackage().Write("villages", VillagesCsv);

    public void Dispose() => temp.Dispose();
}

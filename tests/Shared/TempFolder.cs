// One copy, compiled into each test project that uses it (their .csproj files link it).

namespace Xuncha.Testing;

/// <summary>
/// A fresh folder xuncha-&lt;name&gt;-XXXXXX under the temp path, deleted with everything in it when
/// disposed (use it with <c>using</c>, or dispose it from the test class or fixture), whether the test passed or not.
/// </summary>
public sealed class TempFolder(string name) : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory($"xuncha-{name}-").FullName;

    /// <summary>The path of <paramref name="fileName"/> in this folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public void Dispose() => Delete(Folder);

    /// <summary>Deletes a folder and its contents; a file still held by a closing process leaves it to the OS cleaner.</summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Never fail a test over its cleanup.
        }
    }
}

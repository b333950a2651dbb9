using System.Diagnostics;

namespace Xuncha.Documents.Tests;

/// <summary>LibreOffice and poppler, as installed by test.sh: a missing tool fails the test, it is never skipped.</summary>
internal static class Office
{
    public static string OutputDir(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "rendered", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Converts to PDF with a fresh LibreOffice profile (a shared one locks and breaks parallel runs).</summary>
    public static string ToPdf(string docx)
    {
        var dir = Path.GetDirectoryName(docx)!;
        using (var profile = new TempFolder("lo"))
        {
            Run("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{profile.Folder}", "--convert-to", "pdf", "--outdir", dir, docx], 180);
        }

        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");
        return pdf;
    }

    public static int Pages(string pdf)
    {
        var info = Run("pdfinfo", [pdf], 30);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(string pdf) => Run("pdftotext", ["-enc", "UTF-8", pdf, "-"], 30);

    /// <summary>The text without white space: pdftotext spaces out characters set on a grid.</summary>
    public static string Flat(string pdf) => string.Concat(Text(pdf).Where(c => !char.IsWhiteSpace(c)));

    public static string Png(string pdf, int page = 1)
    {
        var prefix = Path.ChangeExtension(pdf, null) + "-page";
        Run("pdftoppm", ["-png", "-r", "60", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdf, prefix], 30);
        return prefix + ".png";
    }

    private static string Run(string tool, string[] args, int seconds)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (test.sh installs libreoffice-writer and poppler-utils): {e.Message}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(seconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} took more than {seconds} s");
            }

            Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }
}

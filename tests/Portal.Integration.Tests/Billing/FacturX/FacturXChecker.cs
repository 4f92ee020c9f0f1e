using System.Diagnostics;
using System.Xml.Linq;
using UglyToad.PdfPig;

namespace Portal.Integration.Tests.Billing.FacturX;

/// <summary>
/// Runs the official rules on Portal's files: tests/einvoice/check-facturx-batch (Factur-X XSD and schematron, CEN
/// EN 16931 schematron, the Factur-X PDF container and XMP checks), one Java run for a whole folder. Not Portal's code:
/// the verdict is the rule files'. tests/run installs its Debian packages (java, Saxon-HE, xmllint, qpdf).
/// </summary>
public static class FacturXChecker
{
    /// <summary>Checks every file (name → bytes) in one run; the verdict of each: "factur-x: OK" or its errors.</summary>
    public static async Task<IReadOnlyDictionary<string, Verdict>> CheckAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = Directory.CreateTempSubdirectory("portal-facturx-").FullName;
        try
        {
            foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
            var run = Process.Start(new ProcessStartInfo(Path.Combine(EInvoiceFolder, "check-facturx-batch"), [folder])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = await run.StandardOutput.ReadToEndAsync();
            var errors = await run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            Assert.True(run.ExitCode is 0 or 1, $"check-facturx-batch could not run (exit {run.ExitCode}):\n{output}\n{errors}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return files.Keys.ToDictionary(n => n, n =>
            {
                var own = lines.Where(l => l.StartsWith(n + ": ", StringComparison.Ordinal)).Select(l => l[(n.Length + 2)..]).ToList();
                return new Verdict(own.LastOrDefault() ?? "no verdict", own);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Asserts that every file passes, listing each failing one with its findings.</summary>
    public static async Task AssertAllPassAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var verdicts = await CheckAsync(files);
        var failed = verdicts.Where(v => !v.Value.Ok).Select(v => $"{v.Key}:\n  {string.Join("\n  ", v.Value.Lines)}").ToList();
        Assert.True(failed.Count == 0, "Not valid Factur-X EN 16931:\n" + string.Join("\n", failed));
    }

    /// <summary>The factur-x.xml embedded in a PDF, read back with PdfPig.</summary>
    public static XDocument EmbeddedXml(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.Advanced.TryGetEmbeddedFiles(out var embedded), "the PDF has no embedded file");
        var xml = Assert.Single(embedded, f => f.Name == "factur-x.xml");
        return XDocument.Load(new MemoryStream(xml.Bytes.ToArray()));
    }

    /// <summary>tests/einvoice, found from the test binaries' folder upwards.</summary>
    public static string EInvoiceFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "tests", "einvoice", "check-facturx-batch")))
                    return Path.Combine(dir.FullName, "tests", "einvoice");
            throw new InvalidOperationException("tests/einvoice/check-facturx-batch not found above " + AppContext.BaseDirectory);
        }
    }

    public sealed record Verdict(string Last, IReadOnlyList<string> Lines)
    {
        public bool Ok => Last == "factur-x: OK";
    }
}

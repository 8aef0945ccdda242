using Influence.Cases;
using Influence.IO;

namespace Influence.Tests.Support;

/// <summary>Runs the <c>influence</c> command line in process, and writes case files to a temporary folder.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("influence-cli-");

    public string Folder => _folder.FullName;

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = Influence.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Writes a case as a file in the temporary folder and returns its path.</summary>
    public string Write(Case @case, string name = "case.json")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, CaseWriter.ToJson(@case));
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => _folder.Delete(recursive: true);
}

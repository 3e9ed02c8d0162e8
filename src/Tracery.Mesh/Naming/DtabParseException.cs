namespace Tracery.Mesh.Naming;

/// <summary>Dtab text that does not parse; the message points at the offending position.</summary>
public sealed class DtabParseException : FormatException
{
    public DtabParseException(string message) : base(message) { }

    public DtabParseException(string message, int position, int line, int column) : base(message)
    {
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>Zero-based offset of the offending character in the parsed text.</summary>
    public int Position { get; }

    /// <summary>One-based line and column of the offending character.</summary>
    public int Line { get; }

    public int Column { get; }
}

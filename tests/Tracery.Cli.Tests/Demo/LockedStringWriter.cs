namespace Tracery.Cli.Tests.Demo;

/// <summary>A string writer a test can read while the demo is still writing to it from other threads.</summary>
internal sealed class LockedStringWriter : StringWriter
{
    public override void Write(char value)
    {
        lock (this) base.Write(value);
    }

    public override void Write(string? value)
    {
        lock (this) base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (this) base.Write(buffer, index, count);
    }

    public override string ToString()
    {
        lock (this) return base.ToString();
    }
}

namespace Switchboard.Data;

/// <summary>A user who takes the calls of a department (or a shared lines group), in ring order.</summary>
public sealed class DepartmentMember
{
    public long DepartmentId { get; set; }
    public long ExtensionId { get; set; }
    public int Position { get; set; }
}

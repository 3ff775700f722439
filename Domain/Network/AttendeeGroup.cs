namespace Fachwerk.Domain.Network;

/// <summary>
/// Who came to an activity or registered for it: the alliances' target groups, and the employers, multipliers (staff of
/// networks, schools, chambers, authorities) and general public who come to such events besides.
/// </summary>
public enum AttendeeGroup
{
    ReturnersToWork,
    UniversityDropouts,
    YoungPeople,
    Refugees,
    ForeignSkilledWorkers,
    PeopleWithMigrationBackground,

    /// <summary>Companies and other employers looking for skilled workers.</summary>
    Employers,

    /// <summary>Multipliers: staff of networks, schools, chambers, agencies and authorities.</summary>
    Multipliers,

    /// <summary>Anyone else: parents, interested citizens, press.</summary>
    GeneralPublic,
}

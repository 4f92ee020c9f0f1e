using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Web.Data;

/// <summary>The setting Portal:Database: which database ConnectionStrings:Portal points at.</summary>
public enum DatabaseProvider
{
    /// <summary>One file, for one instance (the default).</summary>
    Sqlite,

    /// <summary>A server, for production and for several instances.</summary>
    PostgreSQL,
}

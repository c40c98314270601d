using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Switchboard.Http;

/// <summary>The spec's EnumeratedPagingModel.</summary>
public sealed record PagingInfo(int Page, int TotalPages, int PerPage, int TotalElements, int PageStart, int PageEnd);

public sealed record NavigationUri(string Uri);

/// <summary>The spec's PageNavigationModel; only the links that lead somewhere are present.</summary>
public sealed record Navigation(NavigationUri FirstPage, NavigationUri? NextPage, NavigationUri? PreviousPage, NavigationUri LastPage);

/// <summary>A v2 list envelope: records and paging only.</summary>
public sealed record RecordsPage<T>(IReadOnlyList<T> Records, PagingInfo Paging);

/// <summary>A v1 list envelope: uri, records, paging, navigation.</summary>
public sealed record PagedList<T>(string Uri, IReadOnlyList<T> Records, PagingInfo Paging, Navigation Navigation);

/// <summary><c>page</c> and <c>perPage</c> as the spec limits them: 1..1000, a larger perPage becomes 1000.</summary>
public readonly record struct PageRequest(int Page, int PerPage)
{
    public const int Max = 1000;

    /// <summary>With <paramref name="maxAllowed"/> (the spec's PerPageWithMax), <c>perPage=max</c> is 1000 too.</summary>
    public static (PageRequest Page, ApiError? Error) Parse(HttpRequest request, bool maxAllowed = false)
    {
        var page = 1;
        var perPage = 100;
        var rawPage = request.Query["page"].ToString();
        if (rawPage.Length > 0 && (!int.TryParse(rawPage, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > Max))
            return (default, Errors.InvalidParameter("page", rawPage));
        var rawPerPage = request.Query["perPage"].ToString();
        if (maxAllowed && rawPerPage == "max") perPage = Max;
        else if (rawPerPage.Length > 0)
        {
            if (!long.TryParse(rawPerPage, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) || requested < 1)
                return (default, Errors.InvalidParameter("perPage", rawPerPage));
            perPage = (int)Math.Min(requested, Max);
        }
        return (new PageRequest(page, perPage), null);
    }

    public async Task<PagedList<TOut>> ToListAsync<TIn, TOut>(
        IQueryable<TIn> query, Func<TIn, TOut> map, HttpRequest request, Links links, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((Page - 1) * PerPage).Take(PerPage).ToListAsync(ct);
        return Build(items.Select(map).ToList(), total, request, links);
    }

    /// <summary>A page of a list already in memory (short lists such as an extension's forwarding numbers).</summary>
    public PagedList<T> Slice<T>(IReadOnlyList<T> all, HttpRequest request, Links links) =>
        Build(all.Skip((Page - 1) * PerPage).Take(PerPage).ToList(), all.Count, request, links);

    /// <summary>The v2 form: records and paging, no uri or navigation.</summary>
    public RecordsPage<T> Records<T>(IReadOnlyList<T> all)
    {
        var records = all.Skip((Page - 1) * PerPage).Take(PerPage).ToList();
        return new RecordsPage<T>(records, Info(records.Count, all.Count));
    }

    private PagingInfo Info(int count, int total)
    {
        var start = (Page - 1) * PerPage;
        return new PagingInfo(Page, TotalPages(total), PerPage, total, start, count == 0 ? start : start + count - 1);
    }

    private int TotalPages(int total) => Math.Max(1, (total + PerPage - 1) / PerPage);

    private PagedList<T> Build<T>(List<T> records, int total, HttpRequest request, Links links)
    {
        var totalPages = TotalPages(total);
        var paging = Info(records.Count, total);
        var navigation = new Navigation(
            Link(request, links, 1),
            Page < totalPages ? Link(request, links, Page + 1) : null,
            Page > 1 ? Link(request, links, Math.Min(Page - 1, totalPages)) : null,
            Link(request, links, totalPages));
        return new PagedList<T>(Link(request, links, Page).Uri, records, paging, navigation);
    }

    /// <summary>The request's own URL with its other query parameters kept and page/perPage set.</summary>
    private NavigationUri Link(HttpRequest request, Links links, int page)
    {
        var url = new StringBuilder(links.Path(request.Path.Value ?? "")).Append('?');
        foreach (var (key, values) in request.Query)
        {
            if (key is "page" or "perPage") continue;
            foreach (var value in values)
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
        }
        url.Append(CultureInfo.InvariantCulture, $"page={page}&perPage={PerPage}");
        return new NavigationUri(url.ToString());
    }
}

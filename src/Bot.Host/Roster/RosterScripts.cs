namespace Bot.Host.Roster;

/// <summary>
/// The roster's atomic steps, one shard each. KEYS are the shard's fixed keys (<see cref="RosterKeys.Fixed"/>: sum, upd,
/// stage, due, name, school, exp, words, adv, gone); the sets named by a value (<c>ch:tg</c>, <c>lang:vi</c>, <c>prog:…</c>,
/// <c>sch:…</c>) and the query's scratch keys are built inside from KEYS[1]'s prefix, so they carry the same hash tag and a
/// Redis Cluster runs the script in the shard's slot. Scores arrive as strings (Lua would print big numbers with 14 digits).
/// </summary>
internal static class RosterScripts
{
    /// <summary>Helpers: unlink (take a student out of the value-named sets and the words), link (write an entry), drop (remove it).</summary>
    private const string Helpers = """
        local p = string.sub(KEYS[1], 1, -4)
        local function unlink(m, old)
          local o = cjson.decode(old)
          redis.call('SREM', p .. 'ch:' .. o.c, m)
          redis.call('SREM', p .. 'lang:' .. o.l, m)
          if o.pc then redis.call('SREM', p .. 'prog:' .. o.pc, m) end
          if o.sc then redis.call('SREM', p .. 'sch:' .. o.sc, m) end
          if o.w then for _, w in ipairs(o.w) do redis.call('ZREM', KEYS[8], w .. '\0' .. m) end end
        end
        local function meta(m) return redis.call('HGET', KEYS[11], m) end
        local function link(m)
          redis.call('HSET', KEYS[1], m, ARGV[3])
          redis.call('HSET', KEYS[11], m, ARGV[16])
          redis.call('ZADD', KEYS[2], ARGV[10], m)
          redis.call('ZADD', KEYS[3], ARGV[5], m)
          redis.call('ZADD', KEYS[4], ARGV[6], m)
          redis.call('ZADD', KEYS[5], ARGV[7], m)
          redis.call('ZADD', KEYS[6], ARGV[8], m)
          if ARGV[9] ~= '' then redis.call('ZADD', KEYS[7], ARGV[9], m) else redis.call('ZREM', KEYS[7], m) end
          if ARGV[15] == '1' then redis.call('SADD', KEYS[9], m) else redis.call('SREM', KEYS[9], m) end
          redis.call('SADD', p .. 'ch:' .. ARGV[11], m)
          redis.call('SADD', p .. 'lang:' .. ARGV[12], m)
          if ARGV[13] ~= '' then redis.call('SADD', p .. 'prog:' .. ARGV[13], m) end
          if ARGV[14] ~= '' then redis.call('SADD', p .. 'sch:' .. ARGV[14], m) end
          for i = 17, #ARGV do redis.call('ZADD', KEYS[8], 0, ARGV[i] .. '\0' .. m) end
        end
        local function drop(m, old)
          if old then unlink(m, old) end
          redis.call('HDEL', KEYS[1], m)
          redis.call('HDEL', KEYS[11], m)
          for i = 2, 7 do redis.call('ZREM', KEYS[i], m) end
          redis.call('SREM', KEYS[9], m)
        end
        """;

    /// <summary>
    /// Write a student's entry unless a newer one is there (by the record's save time, ARGV[4]) or they erased themselves
    /// at or after it (an erasure wins a tie: it was committed after the save). ARGV: member, (unused), json, updatedMs,
    /// stage, due, name score, school score, expiry month or '', activity, channel, language, programme code or '', school
    /// or '', with advisor 1/0, then the search words.
    /// </summary>
    public const string Upsert = Helpers + """

        local m = ARGV[1]
        local u = tonumber(ARGV[4])
        local gone = redis.call('ZSCORE', KEYS[10], ARGV[2])
        if gone then
          if tonumber(gone) >= u then return 0 end
          redis.call('ZREM', KEYS[10], ARGV[2])
        end
        local old = meta(m)
        if old then
          if tonumber(cjson.decode(old).u) > u then return 0 end
          unlink(m, old)
        end
        link(m)
        return 1
        """;

    /// <summary>
    /// A turn whose commit failed (its lease ran out) had sent its entry along: replace it with the saved record's
    /// (ARGV[3], or '' when there is no record any more), only if the entry is still that turn's (save time ARGV[2]).
    /// </summary>
    public const string Repair = Helpers + """

        local m = ARGV[1]
        local old = meta(m)
        if not old or tonumber(cjson.decode(old).u) ~= tonumber(ARGV[2]) then return 0 end
        if ARGV[3] == '' then
          drop(m, old)
        else
          unlink(m, old)
          link(m)
        end
        return 1
        """;

    /// <summary>
    /// Remove a student everywhere. ARGV: member, erased at (ms) to keep a tombstone for a day, or '' for none (pruning), and
    /// the member's token (the tombstone names the student only by a keyed hash).
    /// </summary>
    public const string Remove = Helpers + """

        local m = ARGV[1]
        drop(m, meta(m))
        if ARGV[2] ~= '' then redis.call('ZADD', KEYS[10], ARGV[2], ARGV[3]) end
        return 1
        """;

    /// <summary>
    /// The students of this shard matching a filter, sorted. ARGV: request id (names the scratch keys), mode, sort key name,
    /// reverse 1/0, n (page: how many of the first to return; keep: ms the result lives), number of filters, the filters, then
    /// what the mode needs. Filters, all of which must hold: S name (a set or sorted set of the shard), R zset min max (a
    /// score range), U n names… (any of these sets), Q n words… k keys… (every word starts a word of the name, or the
    /// student key is one of these). Modes: page → {count, {member, score, …}}; keep → {count, result key} (a snapshot that
    /// lives n ms); stats today → counts per stage, overdue, due within 30 days, per day of the coming 7, with an advisor,
    /// on Telegram, on LINE; groups g (channel, language or *)… b members… → {count per group, group keys, {blocked member,
    /// language}…} (kept n ms when n > 0).
    /// </summary>
    public const string Query = """
        local p = string.sub(KEYS[1], 1, -4)
        local rid, mode, rev, n = ARGV[1], ARGV[2], ARGV[4] == '1', tonumber(ARGV[5])
        local scratch = {}
        local function fresh()
          local k = p .. 'q:' .. rid .. ':' .. (#scratch + 1)
          scratch[#scratch + 1] = k
          return k
        end
        local function cleanup(keep)
          local del = {}
          for _, k in ipairs(scratch) do if not keep[k] then del[#del + 1] = k end end
          if #del > 0 then redis.call('DEL', unpack(del)) end
        end
        local function sadd(key, members)
          for s = 1, #members, 1000 do
            redis.call('SADD', key, unpack(members, s, math.min(s + 999, #members)))
          end
        end
        local sources, ranges, i = {}, {}, 7
        for _ = 1, tonumber(ARGV[6]) do
          local kind = ARGV[i]
          if kind == 'S' then
            sources[#sources + 1] = p .. ARGV[i + 1]
            i = i + 2
          elseif kind == 'R' then
            ranges[#ranges + 1] = {p .. ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]}
            i = i + 4
          elseif kind == 'U' then
            local c, names = tonumber(ARGV[i + 1]), {}
            for j = 1, c do names[j] = p .. ARGV[i + 1 + j] end
            local t = fresh()
            redis.call('SUNIONSTORE', t, unpack(names))
            sources[#sources + 1] = t
            i = i + 2 + c
          else -- Q
            local c, sets = tonumber(ARGV[i + 1]), {}
            for j = 1, c do
              local word, found, members = ARGV[i + 1 + j], nil, {}
              found = redis.call('ZRANGEBYLEX', KEYS[8], '[' .. word, '[' .. word .. '\255')
              for x = 1, #found do
                members[#members + 1] = string.sub(found[x], string.find(found[x], '\0', 1, true) + 1)
              end
              local s = fresh()
              sadd(s, members)
              sets[#sets + 1] = s
            end
            local t = fresh()
            if #sets > 0 then redis.call('SINTERSTORE', t, unpack(sets)) end
            local k = tonumber(ARGV[i + 2 + c])
            for j = 1, k do
              local key = ARGV[i + 2 + c + j]
              if redis.call('HEXISTS', KEYS[1], key) == 1 then redis.call('SADD', t, key) end
            end
            sources[#sources + 1] = t
            i = i + 3 + c + k
          end
        end
        local function bound(v, low)
          if v == '-inf' then return -math.huge, false end
          if v == '+inf' or v == 'inf' then return math.huge, false end
          if string.sub(v, 1, 1) == '(' then return tonumber(string.sub(v, 2)), true end
          return tonumber(v), false
        end
        local function within(score, min, max)
          if not score then return false end
          local x, lo, lx, hi, hx = tonumber(score), nil, nil, nil, nil
          lo, lx = bound(min)
          hi, hx = bound(max)
          return (x > lo or (not lx and x == lo)) and (x < hi or (not hx and x == hi))
        end
        -- Sets first (ZINTERSTORE walks the smallest input), then each score range: checked member by member when few
        -- candidates are left (a ZSCORE each), else stored and intersected; the sort key's scores are kept throughout.
        local function intersect(base)
          local res = base
          if #sources > 0 then
            local t = fresh()
            local args = {t, #sources + 1, base}
            for _, s in ipairs(sources) do args[#args + 1] = s end
            args[#args + 1] = 'WEIGHTS'
            args[#args + 1] = 1
            for _ = 1, #sources do args[#args + 1] = 0 end
            redis.call('ZINTERSTORE', unpack(args))
            res = t
          end
          for _, r in ipairs(ranges) do
            local n = redis.call('ZCARD', res)
            if n == 0 then return res end
            if res ~= base and n <= 4000 and n * 2 < redis.call('ZCOUNT', r[1], r[2], r[3]) then
              local members = redis.call('ZRANGE', res, 0, -1)
              local out = {}
              for _, m in ipairs(members) do
                if not within(redis.call('ZSCORE', r[1], m), r[2], r[3]) then out[#out + 1] = m end
              end
              for s = 1, #out, 1000 do redis.call('ZREM', res, unpack(out, s, math.min(s + 999, #out))) end
            else
              local range = fresh()
              redis.call('ZRANGESTORE', range, r[1], r[2], r[3], 'BYSCORE')
              local t = fresh()
              redis.call('ZINTERSTORE', t, 2, res, range, 'WEIGHTS', 1, 0)
              res = t
            end
          end
          return res
        end
        local function card(a, b)
          return redis.call('ZINTERCARD', 2, a, b)
        end
        local res = intersect(p .. ARGV[3])
        if mode == 'page' then
          local count = redis.call('ZCARD', res)
          local items = {}
          if n > 0 and count > 0 then
            if rev then
              items = redis.call('ZRANGE', res, 0, n - 1, 'REV', 'WITHSCORES')
            else
              items = redis.call('ZRANGE', res, 0, n - 1, 'WITHSCORES')
            end
          end
          cleanup({})
          return {count, items}
        elseif mode == 'keep' then
          local snapshot = fresh()
          redis.call('ZUNIONSTORE', snapshot, 1, res)
          redis.call('PEXPIRE', snapshot, n)
          cleanup({[snapshot] = true})
          return {redis.call('ZCARD', snapshot), snapshot}
        elseif mode == 'stats' then
          local today = tonumber(ARGV[i])
          local out = {}
          for s = 0, 6 do out[#out + 1] = redis.call('ZCOUNT', res, s, s) end
          local due = intersect(KEYS[4])
          out[#out + 1] = redis.call('ZCOUNT', due, '-inf', '(' .. today)
          out[#out + 1] = redis.call('ZCOUNT', due, today, today + 30)
          for d = 0, 6 do out[#out + 1] = redis.call('ZCOUNT', due, today + d, today + d) end
          out[#out + 1] = card(res, KEYS[9])
          out[#out + 1] = card(res, p .. 'ch:tg')
          out[#out + 1] = card(res, p .. 'ch:line')
          cleanup({})
          return out
        else -- groups
          local counts, keys, keep = {}, {}, {}
          local g = tonumber(ARGV[i])
          for j = 1, g do
            local channel, lang = ARGV[i + 2 * j - 1], ARGV[i + 2 * j]
            local t = fresh()
            if lang == '*' then
              redis.call('ZINTERSTORE', t, 2, res, p .. 'ch:' .. channel, 'WEIGHTS', 1, 0)
            else
              redis.call('ZINTERSTORE', t, 3, res, p .. 'ch:' .. channel, p .. 'lang:' .. lang, 'WEIGHTS', 1, 0, 0)
            end
            counts[j] = redis.call('ZCARD', t)
            keys[j] = t
            if n > 0 then
              redis.call('PEXPIRE', t, n)
              keep[t] = true
            end
          end
          local blocked = {}
          local b = i + 1 + 2 * g
          for j = b + 1, b + tonumber(ARGV[b]) do
            if redis.call('ZSCORE', res, ARGV[j]) then
              local entry = redis.call('HGET', KEYS[11], ARGV[j])
              blocked[#blocked + 1] = ARGV[j]
              blocked[#blocked + 1] = entry and cjson.decode(entry).l or ''
            end
          end
          cleanup(keep)
          return {counts, keys, blocked}
        end
        """;
}

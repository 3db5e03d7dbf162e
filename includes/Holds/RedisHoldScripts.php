<?php
/**
 * The Lua scripts that make each Redis hold operation atomic.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Lua source of acquire, renew, move and release.
 *
 * Redis runs a script to completion before any other command, so each
 * check-and-write below is one atomic step: two visitors taking the last
 * seat at the same instant are served one after the other, and the second
 * sees the first's hold.
 *
 * Keys (see RedisHoldStore): an employee's holds are one hash, hold id =>
 * JSON record; `hold:<id>` names the employee whose hash has the record;
 * `hold:tok:<token hash>` names the hold of a token. Every script first drops
 * records past their grace period, and every check compares `expires_at`
 * with the `now` it is given, so an expired hold stops counting at once.
 *
 * Every script answers a list whose first item is a status: `ok` (then the
 * record's JSON or a flag), `conflict` (then the reason), `not_found`,
 * `expired`, `moved` (the hold changed employee since PHP looked it up; look
 * again), `token_in_use` or `id_in_use`.
 */
final class RedisHoldScripts {

	/**
	 * Helpers every script starts with.
	 */
	private const COMMON = <<<'LUA'
-- Live records of one employee's hash (except one id); records past their grace period are deleted on the way.
local function live_holds(key, now, except_id)
	local all = redis.call('HGETALL', key)
	local live = {}
	for i = 1, #all, 2 do
		local h = cjson.decode(all[i + 1])
		if h.purge_at <= now then
			redis.call('HDEL', key, all[i])
		elseif h.expires_at > now and all[i] ~= except_id then
			live[#live + 1] = h
		end
	end
	return live
end

-- Why a claim cannot be granted next to these holds, or false. The same rule as HoldClaim::refusal() in PHP.
local function refusal(live, c)
	local held = 0
	for _, h in ipairs(live) do
		if h.service_id == c.service_id and h.start == c.start then
			held = held + h.seats
		elseif h.occupied_start < c.occupied_end and c.occupied_start < h.occupied_end then
			return 'overlap'
		end
	end
	if held + c.booked_seats + c.seats > c.capacity then
		return 'full'
	end
	return false
end

-- The record of a hold whose token matches, or nil and why not. Comparing hashes, not tokens,
-- so the comparison's timing reveals nothing that would let anyone forge a token.
local function holder(hash_key, id_key, id, token_hash, employee, now)
	local at = redis.call('GET', id_key)
	if not at then
		return nil, 'not_found'
	end
	if at ~= employee then
		return nil, 'moved'
	end
	local raw = redis.call('HGET', hash_key, id)
	if not raw then
		return nil, 'not_found'
	end
	local h = cjson.decode(raw)
	if h.token_hash ~= token_hash or h.purge_at <= now then
		return nil, 'not_found'
	end
	return h
end

-- Makes a key live at least `seconds` more.
local function keep(key, seconds)
	if redis.call('TTL', key) < seconds then
		redis.call('EXPIRE', key, seconds)
	end
end

-- Copies a claim's time, service and seats onto a record.
local function place(h, c)
	h.employee_id = c.employee_id
	h.service_id = c.service_id
	h.start = c.start
	h['end'] = c['end']
	h.occupied_start = c.occupied_start
	h.occupied_end = c.occupied_end
	h.seats = c.seats
	return h
end

LUA;

	/**
	 * KEYS: employee hash, id key, token key.
	 * ARGV: claim JSON, id, token hash, now, ttl, max life, grace seconds.
	 */
	private const ACQUIRE = <<<'LUA'
local c = cjson.decode(ARGV[1])
local now = tonumber(ARGV[4])
if redis.call('EXISTS', KEYS[3]) == 1 then
	return {'token_in_use'}
end
if redis.call('EXISTS', KEYS[2]) == 1 then
	return {'id_in_use'}
end
local why = refusal(live_holds(KEYS[1], now, ''), c)
if why then
	return {'conflict', why}
end
local max = now + tonumber(ARGV[6])
local h = place({id = ARGV[2], token_hash = ARGV[3]}, c)
h.created_at = now
h.expires_at = math.min(now + tonumber(ARGV[5]), max)
h.max_expires_at = max
h.purge_at = max + tonumber(ARGV[7])
local json = cjson.encode(h)
local life = h.purge_at - now
redis.call('HSET', KEYS[1], ARGV[2], json)
keep(KEYS[1], life)
redis.call('SET', KEYS[2], tostring(c.employee_id), 'EX', life)
redis.call('SET', KEYS[3], ARGV[2], 'EX', life)
return {'ok', json}
LUA;

	/**
	 * KEYS: employee hash, id key.
	 * ARGV: id, token hash, now, ttl, employee id.
	 */
	private const RENEW = <<<'LUA'
local now = tonumber(ARGV[3])
local h, why = holder(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[5], now)
if not h then
	return {why}
end
if h.expires_at <= now then
	return {'expired'}
end
h.expires_at = math.min(now + tonumber(ARGV[4]), h.max_expires_at)
local json = cjson.encode(h)
redis.call('HSET', KEYS[1], ARGV[1], json)
return {'ok', json}
LUA;

	/**
	 * KEYS: current employee hash, new employee hash (may be the same), id key.
	 * ARGV: id, token hash, now, ttl, current employee id, claim JSON.
	 */
	private const MOVE = <<<'LUA'
local now = tonumber(ARGV[3])
local h, why = holder(KEYS[1], KEYS[3], ARGV[1], ARGV[2], ARGV[5], now)
if not h then
	return {why}
end
if h.expires_at <= now then
	return {'expired'}
end
local c = cjson.decode(ARGV[6])
local reason = refusal(live_holds(KEYS[2], now, ARGV[1]), c)
if reason then
	return {'conflict', reason}
end
place(h, c)
h.expires_at = math.min(now + tonumber(ARGV[4]), h.max_expires_at)
local json = cjson.encode(h)
local life = h.purge_at - now
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], json)
keep(KEYS[2], life)
redis.call('SET', KEYS[3], tostring(c.employee_id), 'EX', life)
return {'ok', json}
LUA;

	/**
	 * KEYS: employee hash, id key, token key.
	 * ARGV: id, token hash, now, employee id.
	 */
	private const RELEASE = <<<'LUA'
local now = tonumber(ARGV[3])
local h, why = holder(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[4], now)
if not h then
	return {why}
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2], KEYS[3])
if h.expires_at > now then
	return {'ok', 1}
end
return {'ok', 0}
LUA;

	/**
	 * The full source of one script.
	 *
	 * @param string $name 'acquire', 'renew', 'move' or 'release'.
	 * @throws \InvalidArgumentException For any other name.
	 */
	public static function source( string $name ): string {
		$body = match ( $name ) {
			'acquire' => self::ACQUIRE,
			'renew'   => self::RENEW,
			'move'    => self::MOVE,
			'release' => self::RELEASE,
			default   => throw new \InvalidArgumentException( 'No such hold script.' ),
		};
		return self::COMMON . $body;
	}
}

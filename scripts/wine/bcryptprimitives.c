/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), used only by make dist-test.
 * Go 1.22+ programs call ProcessPrng from bcryptprimitives.dll, which every
 * Windows 10 and 11 has but Wine 8.0 lacks ("fatal error:
 * bcryptprimitives.dll not found"). This stand-in answers ProcessPrng with
 * BCryptGenRandom, the system RNG Wine does have. It is put into the test's
 * Wine prefix, never into what Clipper ships.
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

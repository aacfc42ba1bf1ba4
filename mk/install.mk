# make install, make uninstall (included by the Makefile).
#
#   make install PREFIX=/usr/local DESTDIR=/tmp/stage
#
# installs bin/pnc, lib/libpn.a, include/pn.h, share/man/man1/pnc.1 and
# lib/pkgconfig/libpn.pc under $(DESTDIR)$(PREFIX). libpn.pc names
# $(PREFIX) without DESTDIR, as the files' final place; to use a staged
# tree, point pkg-config at it with PKG_CONFIG_SYSROOT_DIR=$(DESTDIR) (or
# pkgconf's --define-prefix).

.PHONY: install uninstall

PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MAN1DIR = $(PREFIX)/share/man/man1
PKGCONFIGDIR = $(LIBDIR)/pkgconfig

LIBPN_VERSION = $(shell sed -n 's/^\#define PN_VERSION "\(.*\)"/\1/p' runtime/pn.h)
INSTALLED = $(BINDIR)/pnc $(LIBDIR)/libpn.a $(INCLUDEDIR)/pn.h \
	$(MAN1DIR)/pnc.1 $(PKGCONFIGDIR)/libpn.pc

# libpn.pc is written on every install, as PREFIX may differ from the
# last one.
install: $(PNC) $(BUILD)/libpn.a libpn.pc.in docs/pnc.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(LIBPN_VERSION)|g' \
		libpn.pc.in >$(BUILD)/libpn.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MAN1DIR) \
		$(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 $(PNC) $(DESTDIR)$(BINDIR)/pnc
	$(INSTALL) -m 644 $(BUILD)/libpn.a $(DESTDIR)$(LIBDIR)/libpn.a
	$(INSTALL) -m 644 runtime/pn.h $(DESTDIR)$(INCLUDEDIR)/pn.h
	$(INSTALL) -m 644 docs/pnc.1 $(DESTDIR)$(MAN1DIR)/pnc.1
	$(INSTALL) -m 644 $(BUILD)/libpn.pc $(DESTDIR)$(PKGCONFIGDIR)/libpn.pc

uninstall:
	rm -f $(INSTALLED:%=$(DESTDIR)%)

# ---- Tests --------------------------------------------------------------------

TEST_NAMES += test_install

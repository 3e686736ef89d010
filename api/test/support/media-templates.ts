/**
 * A media-header template with a URL button (dynamic suffix), as Meta lists it (written by hand from Meta's
 * "Template components" page). Each suite gives its own template id: several simulators may hold it at once.
 */
export function katalogTemplate(id: string) {
  return {
    id,
    name: 'katalog_desember',
    language: 'id',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
      { type: 'BODY', text: 'Halo {{1}}, katalog Desember sudah terbit.', example: { body_text: [['Budi']] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Berhenti' },
          {
            type: 'URL',
            text: 'Lihat katalog',
            url: 'https://toko.example/katalog/{{1}}',
            example: ['https://toko.example/katalog/budi'],
          },
        ],
      },
    ],
  };
}
